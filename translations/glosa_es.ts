<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Glosa::AppContext</name>
    <message>
        <source>Only the Glosa that started the local server can share it.</source>
        <translation>Solo la instancia de Glosa que inició el servidor local puede compartirlo.</translation>
    </message>
    <message>
        <source>“%1” is not a server URL: it must start with ws:// or wss:// and name a host, as in wss://glosa.example.org/v1/ws.</source>
        <translation>“%1” no es una URL de servidor: debe empezar por ws:// o wss:// y nombrar un host, como wss://glosa.example.org/v1/ws.</translation>
    </message>
</context>
<context>
    <name>Glosa::ChatDelegate</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n reply(ies)</source>
        <translation>
            <numerusform>%1 · %2 · %n respuesta</numerusform>
            <numerusform>%1 · %2 · %n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Text not found</source>
        <translation>Texto no encontrado</translation>
    </message>
    <message>
        <source>%1 · %2 · edited</source>
        <translation>%1 · %2 · editado</translation>
    </message>
    <message>
        <source>Comment deleted</source>
        <translation>Comentario eliminado</translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation>Toda la página %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message numerus="yes">
        <source>%n new reply(ies)</source>
        <translation>
            <numerusform>%n respuesta nueva</numerusform>
            <numerusform>%n respuestas nuevas</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved by %1 · %2</source>
        <translation>Resuelto por %1 · %2</translation>
    </message>
</context>
<context>
    <name>Glosa::ChatExport</name>
    <message>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation>Toda la página %1</translation>
    </message>
    <message>
        <source>Thread %1</source>
        <translation>Hilo %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>resolved by %1, %2</source>
        <translation>resuelto por %1, %2</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>%1 · edited %2</source>
        <translation>%1 · editado el %2</translation>
    </message>
    <message>
        <source>Page %1, exported %2. Threads: %3, resolved: %4.</source>
        <translation>Página %1, exportada el %2. Hilos: %3, resueltos: %4.</translation>
    </message>
    <message>
        <source>Threads of “%1”</source>
        <translation>Hilos de «%1»</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir en %1: %2</translation>
    </message>
</context>
<context>
    <name>Glosa::ChatLink</name>
    <message>
        <source>It is not a link to a thread: such links start with glosa://.</source>
        <translation>No es un enlace a un hilo: esos enlaces empiezan por glosa://.</translation>
    </message>
    <message>
        <source>The link is damaged: it cannot be read as a URL.</source>
        <translation>El enlace está dañado: no se puede leer como URL.</translation>
    </message>
    <message>
        <source>The link names no server.</source>
        <translation>El enlace no indica ningún servidor.</translation>
    </message>
    <message>
        <source>The link&apos;s server is not a ws:// or wss:// server.</source>
        <translation>El servidor del enlace no es un servidor ws:// ni wss://.</translation>
    </message>
    <message>
        <source>The link names no tenant.</source>
        <translation>El enlace no indica ningún inquilino.</translation>
    </message>
    <message>
        <source>The link names no page.</source>
        <translation>El enlace no indica ninguna página.</translation>
    </message>
    <message>
        <source>The link&apos;s tenant or page is longer than a server allows.</source>
        <translation>El inquilino o la página del enlace superan la longitud que admite un servidor.</translation>
    </message>
    <message>
        <source>The link names no thread.</source>
        <translation>El enlace no indica ningún hilo.</translation>
    </message>
    <message>
        <source>The link&apos;s thread id is not valid.</source>
        <translation>El identificador de hilo del enlace no es válido.</translation>
    </message>
</context>
<context>
    <name>Glosa::ChatModel</name>
    <message>
        <source>Written %1
Edited %2</source>
        <translation>Escrito el %1
Editado el %2</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Escrito el %1</translation>
    </message>
    <message>
        <source>Started %1
Last change %2</source>
        <translation>Iniciado el %1
Último cambio el %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Iniciado el %1</translation>
    </message>
    <message>
        <source>Resolved by %1, %2</source>
        <translation>Resuelto por %1 el %2</translation>
    </message>
</context>
<context>
    <name>Glosa::ChatPanel</name>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Delete thread</source>
        <translation>Eliminar hilo</translation>
    </message>
    <message>
        <source>New Thread with It</source>
        <translation>Nuevo hilo con ella</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resueltos</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Show threads</source>
        <translation>Mostrar hilos</translation>
    </message>
    <message>
        <source>Start a new thread on the same passage with your reply</source>
        <translation>Inicia un hilo nuevo sobre el mismo pasaje con tu respuesta</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy your reply to the clipboard</source>
        <translation>Copia tu respuesta al portapapeles</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Reply to the selected thread…</source>
        <translation>Responde al hilo seleccionado…</translation>
    </message>
    <message>
        <source>Delete this thread and all its comments for everyone?</source>
        <translation>¿Eliminar este hilo y todos sus comentarios para todo el mundo?</translation>
    </message>
    <message>
        <source>Delete this thread and all its comments for everyone? Your unsent reply to it is discarded too.</source>
        <translation>¿Eliminar este hilo y todos sus comentarios para todos? También se descarta tu respuesta sin enviar.</translation>
    </message>
    <message>
        <source>No resolved threads.</source>
        <translation>No hay hilos resueltos.</translation>
    </message>
    <message>
        <source>No open threads yet.

Select a passage in the document and choose Comment to start a discussion.</source>
        <translation>Todavía no hay hilos abiertos.

Selecciona un pasaje del documento y elige Comentar para iniciar una conversación.</translation>
    </message>
    <message>
        <source>The thread was deleted.</source>
        <translation>El hilo se ha eliminado.</translation>
    </message>
    <message>
        <source>Select the thread to reply to.</source>
        <translation>Selecciona el hilo al que responder.</translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation>Enviar la respuesta (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Only the one who started this thread or a moderator may delete it.</source>
        <translation>Solo quien inició este hilo o un moderador puede borrarlo.</translation>
    </message>
    <message>
        <source>Discard reply</source>
        <translation>Descartar respuesta</translation>
    </message>
    <message>
        <source>Discard your unsent reply?</source>
        <translation>¿Descartar tu respuesta sin enviar?</translation>
    </message>
    <message>
        <source>The thread on “%1” has been deleted. Your reply to it is kept here.</source>
        <translation>El hilo sobre “%1” se ha eliminado. Tu respuesta se conserva aquí.</translation>
    </message>
    <message>
        <source>%1 Your reply is back in its reply box.</source>
        <translation>%1 Tu respuesta ha vuelto a su cuadro de respuesta.</translation>
    </message>
    <message>
        <source>Edit again</source>
        <translation>Editar de nuevo</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Eliminar comentario</translation>
    </message>
    <message>
        <source>Delete this comment for everyone?</source>
        <translation>¿Eliminar este comentario para todos?</translation>
    </message>
    <message>
        <source>Search threads</source>
        <translation>Buscar en los hilos</translation>
    </message>
    <message>
        <source>Threads of</source>
        <translation>Hilos de</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>No threads match.</source>
        <translation>Ningún hilo coincide.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copiar enlace</translation>
    </message>
</context>
<context>
    <name>Glosa::CommentButton</name>
    <message>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
    <message>
        <source>Comment on the selection</source>
        <translation>Comentar la selección</translation>
    </message>
</context>
<context>
    <name>Glosa::CommentEditor</name>
    <message>
        <source>New thread</source>
        <translation>Nuevo hilo</translation>
    </message>
    <message>
        <source>Start the discussion…</source>
        <translation>Inicia la conversación…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Editar comentario</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Start the thread (Ctrl+Enter)</source>
        <translation>Iniciar el hilo (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Save the comment (Ctrl+Enter)</source>
        <translation>Guardar el comentario (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Discard this comment?</source>
        <translation>¿Descartar este comentario?</translation>
    </message>
    <message>
        <source>Discard your changes to the comment?</source>
        <translation>¿Descartar tus cambios en el comentario?</translation>
    </message>
    <message>
        <source>Keep Writing</source>
        <translation>Seguir escribiendo</translation>
    </message>
    <message>
        <source>Keep as Draft</source>
        <translation>Guardar como borrador</translation>
    </message>
    <message>
        <source>A draft comes back when you comment on the same passage again.</source>
        <translation>El borrador vuelve cuando comentes de nuevo el mismo pasaje.</translation>
    </message>
    <message>
        <source>A draft comes back when you edit the comment again.</source>
        <translation>El borrador vuelve cuando edites de nuevo el comentario.</translation>
    </message>
</context>
<context>
    <name>Glosa::CommentField</name>
    <message>
        <source>Write something first.</source>
        <translation>Escribe algo primero.</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) over the limit of %1.</source>
        <translation>
            <numerusform>El texto supera en %n carácter el límite de %1.</numerusform>
            <numerusform>El texto supera en %n caracteres el límite de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>Queda %n carácter</numerusform>
            <numerusform>Quedan %n caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) over the limit</source>
        <translation>
            <numerusform>%n carácter por encima del límite</numerusform>
            <numerusform>%n caracteres por encima del límite</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Glosa::ContentTransfer</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede conectar con el servidor: %1</translation>
    </message>
    <message>
        <source>The server sent a piece of another content.</source>
        <translation>El servidor envió un fragmento de otro contenido.</translation>
    </message>
    <message>
        <source>The document that came from the server is damaged.</source>
        <translation>El documento que llegó del servidor está dañado.</translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentDirectory</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede conectar con el servidor: %1</translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentView</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Comentar…</translation>
    </message>
</context>
<context>
    <name>Glosa::EmbeddedHost</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Port %1 is used by another program; Glosa&apos;s own server uses port %2.</source>
        <translation>Otro programa usa el puerto %1; el servidor propio de Glosa usa el puerto %2.</translation>
    </message>
    <message>
        <source>Only the Glosa that hosts the local server can share it.</source>
        <translation>Solo la instancia de Glosa que aloja el servidor local puede compartirlo.</translation>
    </message>
</context>
<context>
    <name>Glosa::ExportCommand</name>
    <message>
        <source>glosa export FILE [--format md|json|html] [--output PATH] writes the threads of FILE as Markdown, JSON or HTML; see glosa export --help.</source>
        <translation>glosa export FILE [--format md|json|html] [--output PATH] escribe los hilos de FILE en Markdown, JSON o HTML; consulta glosa export --help.</translation>
    </message>
    <message>
        <source>Writes the threads of the page of FILE (a text, Markdown or PDF file), as the server has them or, where it cannot be reached, as this computer last saw them.</source>
        <translation>Escribe los hilos de la página de FILE (un archivo de texto, Markdown o PDF) tal como los tiene el servidor o, si no se puede conectar con él, tal como los vio este equipo por última vez.</translation>
    </message>
    <message>
        <source>Exports threads.</source>
        <translation>Exporta hilos.</translation>
    </message>
    <message>
        <source>The document whose threads to export.</source>
        <translation>El documento cuyos hilos se exportan.</translation>
    </message>
    <message>
        <source>md (Markdown, the default), json or html.</source>
        <translation>md (Markdown, el predeterminado), json o html.</translation>
    </message>
    <message>
        <source>The file to write (default: the standard output).</source>
        <translation>El archivo que se escribe (predeterminado: la salida estándar).</translation>
    </message>
    <message>
        <source>See glosa export --help.</source>
        <translation>Consulta glosa export --help.</translation>
    </message>
    <message>
        <source>glosa export needs one FILE.</source>
        <translation>glosa export necesita un único FILE.</translation>
    </message>
    <message>
        <source>There is no format “%1”: it is md, json or html.</source>
        <translation>No existe el formato «%1»: puede ser md, json o html.</translation>
    </message>
    <message>
        <source>The local server cannot start: %1</source>
        <translation>El servidor local no puede iniciarse: %1</translation>
    </message>
    <message>
        <source>no answer from %1</source>
        <translation>sin respuesta de %1</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1), and this computer has not kept the threads of %2.</source>
        <translation>No se puede conectar con el servidor (%1) y este equipo no ha guardado los hilos de %2.</translation>
    </message>
    <message>
        <source>Cannot reach the server (%1): these are the threads of %2 as this computer last saw them.</source>
        <translation>No se puede conectar con el servidor (%1): estos son los hilos de %2 tal como los vio este equipo por última vez.</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>No se puede escribir en la salida estándar.</translation>
    </message>
</context>
<context>
    <name>Glosa::LinkOpener</name>
    <message>
        <source>this computer&apos;s own server</source>
        <translation>el servidor propio de este equipo</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>This thread is on %1, tenant “%2”; this Glosa uses %3, tenant “%4”.</source>
        <translation>Este hilo está en %1, inquilino «%2»; esta instancia de Glosa usa %3, inquilino «%4».</translation>
    </message>
    <message>
        <source>Open it in a new Glosa that uses that server?</source>
        <translation>¿Abrirlo en una nueva instancia de Glosa que use ese servidor?</translation>
    </message>
    <message>
        <source>Open in New Glosa</source>
        <translation>Abrir en una nueva instancia</translation>
    </message>
    <message>
        <source>The thread opens in a new Glosa.</source>
        <translation>El hilo se abre en una nueva instancia de Glosa.</translation>
    </message>
    <message>
        <source>A new Glosa could not be started.</source>
        <translation>No se pudo iniciar una nueva instancia de Glosa.</translation>
    </message>
    <message>
        <source>This thread is on a local file; choose your copy of it</source>
        <translation>Este hilo está en un archivo local; elige tu copia</translation>
    </message>
    <message>
        <source>This thread is on a local file, “%1”; choose your copy of it</source>
        <translation>Este hilo está en un archivo local, «%1»; elige tu copia</translation>
    </message>
    <message>
        <source>“%1” is not the file of this thread: it belongs to another page, its content is not the one the thread was written on.</source>
        <translation>«%1» no es el archivo de este hilo: pertenece a otra página, su contenido no es aquel sobre el que se escribió el hilo.</translation>
    </message>
    <message>
        <source>Another File</source>
        <translation>Otro archivo</translation>
    </message>
    <message>
        <source>Choose another file?</source>
        <translation>¿Elegir otro archivo?</translation>
    </message>
    <message>
        <source>This thread was deleted or is not on this page.</source>
        <translation>Este hilo se eliminó o no está en esta página.</translation>
    </message>
</context>
<context>
    <name>Glosa::MainWindow</name>
    <message>
        <source>Find in document (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>Buscar en el documento (Intro: siguiente, Mayús+Intro: anterior, Esc: cerrar)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Serving on this computer</source>
        <translation>Sirviendo desde este equipo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>Abrir documento</translation>
    </message>
    <message>
        <source>Open from &amp;Server…</source>
        <translation>Abrir desde el ser&amp;vidor…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Publish to Server</source>
        <translation>&amp;Publicar en el servidor</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;Nueva ventana</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Comment on Selection…</source>
        <translation>&amp;Comentar la selección…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Open Threads</source>
        <translation>Hilos &amp;abiertos</translation>
    </message>
    <message>
        <source>&amp;Resolved Threads</source>
        <translation>Hilos &amp;resueltos</translation>
    </message>
    <message>
        <source>&amp;All Threads</source>
        <translation>&amp;Todos los hilos</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Share on Network</source>
        <translation>Compartir en la &amp;red</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Glosa</source>
        <translation>&amp;Acerca de Glosa</translation>
    </message>
    <message>
        <source>About Glosa</source>
        <translation>Acerca de Glosa</translation>
    </message>
    <message>
        <source>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Annotate shared documents together, live.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Anota documentos compartidos en equipo, en directo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation>No se puede abrir el documento</translation>
    </message>
    <message>
        <source>Welcome to Glosa</source>
        <translation>Te damos la bienvenida a Glosa</translation>
    </message>
    <message>
        <source>%1 — Glosa</source>
        <translation>%1 — Glosa</translation>
    </message>
    <message>
        <source>Select the passage you want to comment on first.</source>
        <translation>Selecciona primero el pasaje que quieres comentar.</translation>
    </message>
    <message>
        <source>This document is already on the server.</source>
        <translation>Este documento ya está en el servidor.</translation>
    </message>
    <message>
        <source>Published “%1” to the server.</source>
        <translation>Se publicó “%1” en el servidor.</translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation>No se puede publicar</translation>
    </message>
    <message>
        <source>“%1” is not in the document.</source>
        <translation>“%1” no aparece en el documento.</translation>
    </message>
    <message>
        <source>Share on Network</source>
        <translation>Compartir en la red</translation>
    </message>
    <message>
        <source>Glosa now accepts connections from the network, but this computer has no network address right now.</source>
        <translation>Glosa ya acepta conexiones desde la red, pero este equipo no tiene ninguna dirección de red en este momento.</translation>
    </message>
    <message>
        <source>Others on your network can join with this server address in their Settings:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>Otras personas de tu red pueden unirse indicando esta dirección de servidor en su Configuración:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Glosa uses the new server and tenant from its next start.</source>
        <translation>Glosa usará el nuevo servidor y el nuevo inquilino a partir del próximo inicio.</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) moved</source>
        <translation>
            <numerusform>%n hilo se movió</numerusform>
            <numerusform>%n hilos se movieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be placed</source>
        <translation>
            <numerusform>%n no se pudo situar</numerusform>
            <numerusform>%n no se pudieron situar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) could not be placed</source>
        <translation>
            <numerusform>%n hilo no se pudo situar</numerusform>
            <numerusform>%n hilos no se pudieron situar</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The file changed: %1.</source>
        <translation>El archivo cambió: %1.</translation>
    </message>
    <message>
        <source>The document changed: %1.</source>
        <translation>El documento cambió: %1.</translation>
    </message>
    <message>
        <source>A new version of “%1” was published.</source>
        <translation>Se publicó una nueva versión de «%1».</translation>
    </message>
    <message>
        <source>Reloaded “%1”: the file changed on disk.</source>
        <translation>«%1» se volvió a cargar: el archivo cambió en el disco.</translation>
    </message>
    <message numerus="yes">
        <source>Server(s): %1</source>
        <translation>
            <numerusform>Servidor: %1</numerusform>
            <numerusform>Servidores: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents (*.md *.markdown *.txt *.pdf);;PDF (*.pdf);;All files (*)</source>
        <translation>Documentos (*.md *.markdown *.txt *.pdf);;PDF (*.pdf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password of the PDF:</source>
        <translation>Contraseña del PDF:</translation>
    </message>
    <message>
        <source>Downloading “%1”</source>
        <translation>Descargando «%1»</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>No se puede abrir «%1»: %2</translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation>Toda la página %1</translation>
    </message>
    <message>
        <source>Uploading “%1”</source>
        <translation>Subiendo «%1»</translation>
    </message>
    <message>
        <source>Reading the text of “%1”…</source>
        <translation>Leyendo el texto de «%1»…</translation>
    </message>
    <message>
        <source>This PDF has no text: right-click a page to comment on all of it.</source>
        <translation>Este PDF no tiene texto: haz clic derecho en una página para comentarla entera.</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>No se pudo abrir «%1».</translation>
    </message>
    <message>
        <source>“%1” is being published.</source>
        <translation>«%1» se está publicando.</translation>
    </message>
    <message>
        <source>&amp;Next Thread</source>
        <translation>Hilo &amp;siguiente</translation>
    </message>
    <message>
        <source>Pre&amp;vious Thread</source>
        <translation>Hilo a&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Search Threads…</source>
        <translation>&amp;Buscar en los hilos…</translation>
    </message>
    <message>
        <source>New threads</source>
        <translation>Hilos nuevos</translation>
    </message>
    <message>
        <source>Open &amp;Link…</source>
        <translation>Abrir &amp;enlace…</translation>
    </message>
    <message>
        <source>&amp;Export Threads…</source>
        <translation>E&amp;xportar hilos…</translation>
    </message>
    <message>
        <source>Copy &amp;Link to Thread</source>
        <translation>Copiar &amp;enlace al hilo</translation>
    </message>
    <message>
        <source>Next &amp;Unread Thread</source>
        <translation>Siguiente hilo sin &amp;leer</translation>
    </message>
    <message>
        <source>&amp;Mark All as Read</source>
        <translation>&amp;Marcar todo como leído</translation>
    </message>
    <message>
        <source>Paste a link to a thread (glosa://…):</source>
        <translation>Pega un enlace a un hilo (glosa://…):</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Select a thread first.</source>
        <translation>Selecciona primero un hilo.</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Enlace copiado</translation>
    </message>
    <message>
        <source>No unread threads.</source>
        <translation>No hay hilos sin leer.</translation>
    </message>
    <message>
        <source>%1 started a thread on page %2</source>
        <translation>%1 inició un hilo en la página %2</translation>
    </message>
    <message>
        <source>%1 started a thread further up</source>
        <translation>%1 inició un hilo más arriba</translation>
    </message>
    <message>
        <source>%1 started a thread further down</source>
        <translation>%1 inició un hilo más abajo</translation>
    </message>
    <message numerus="yes">
        <source>%n new threads</source>
        <translation>
            <numerusform>%n hilo nuevo</numerusform>
            <numerusform>%n hilos nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>M&amp;entions…</source>
        <translation>M&amp;enciones…</translation>
    </message>
</context>
<context>
    <name>Glosa::MentionNotifier</name>
    <message>
        <source>%1 mentioned you in “%2”</source>
        <translation>%1 te ha mencionado en «%2»</translation>
    </message>
</context>
<context>
    <name>Glosa::MentionsDialog</name>
    <message>
        <source>Mentions</source>
        <translation>Menciones</translation>
    </message>
    <message>
        <source>Comments that mention you, in the pages you have opened.</source>
        <translation>Comentarios que te mencionan, en las páginas que has abierto.</translation>
    </message>
    <message>
        <source>Open Thread</source>
        <translation>Abrir hilo</translation>
    </message>
    <message>
        <source>%1 in “%2” · %3
%4</source>
        <translation>%1 en «%2» · %3
%4</translation>
    </message>
    <message>
        <source>Nobody has mentioned you yet. Type @ and a name in a comment to mention someone.</source>
        <translation>Nadie te ha mencionado todavía. Escribe @ y un nombre en un comentario para mencionar a alguien.</translation>
    </message>
</context>
<context>
    <name>Glosa::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>Glosa::OpenFromServerDialog</name>
    <message>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <source>Open from Server</source>
        <translation>Abrir desde el servidor</translation>
    </message>
    <message>
        <source>Documents on the server</source>
        <translation>Documentos en el servidor</translation>
    </message>
    <message>
        <source>Nothing has been published on this server yet.</source>
        <translation>Todavía no se ha publicado nada en este servidor.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documentos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · published %2</source>
        <translation>%1 · publicado el %2</translation>
    </message>
    <message>
        <source>%1 (PDF, %2)</source>
        <translation>%1 (PDF, %2)</translation>
    </message>
</context>
<context>
    <name>Glosa::OrphanList</name>
    <message>
        <source>Threads whose text was not found</source>
        <translation>Hilos cuyo texto no se encontró</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread(s)</source>
        <translation>
            <numerusform>&lt;b&gt;No encontrado en esta versión&lt;/b&gt; · %n hilo</numerusform>
            <numerusform>&lt;b&gt;No encontrado en esta versión&lt;/b&gt; · %n hilos</numerusform>
        </translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation>Toda la página %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2: %3</translation>
    </message>
</context>
<context>
    <name>Glosa::PageSession</name>
    <message>
        <source>You can read this page but not change it: your role is viewer.</source>
        <translation>Puedes leer esta página pero no cambiarla: tu rol es de lector.</translation>
    </message>
    <message>
        <source>Only the one who started this thread or a moderator may delete it.</source>
        <translation>Solo quien inició este hilo o un moderador puede borrarlo.</translation>
    </message>
    <message>
        <source>Only its author or a moderator may change this comment.</source>
        <translation>Solo su autor o un moderador puede cambiar este comentario.</translation>
    </message>
</context>
<context>
    <name>Glosa::PdfView</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit the width of the pages</source>
        <translation>Ajustar al ancho de las páginas</translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Fit a whole page</source>
        <translation>Mostrar una página entera</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>This PDF has no text: passages cannot be selected. Right-click a page to comment on all of it.</source>
        <translation>Este PDF no tiene texto: no se pueden seleccionar pasajes. Haz clic derecho en una página para comentarla entera.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>A&amp;cercar</translation>
    </message>
    <message>
        <source>Zoom Ou&amp;t</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>Ajustar al anc&amp;ho</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>&amp;Página completa</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>&amp;Ir a la página…</translation>
    </message>
</context>
<context>
    <name>Glosa::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Archivo de token</translation>
    </message>
    <message>
        <source>Token &amp;file:</source>
        <translation>Archivo de &amp;token:</translation>
    </message>
    <message>
        <source>Shown to others when you have no token</source>
        <translation>Visible para los demás si no tienes token</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <source>Changes to the server and language apply when Glosa starts again.</source>
        <translation>Los cambios de servidor e idioma se aplican la próxima vez que se inicie Glosa.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Server URLs</source>
        <translation>URL de los servidores</translation>
    </message>
    <message>
        <source>None: this computer&apos;s own server. Several: the nodes of one cluster, tried in this order when one cannot be reached.</source>
        <translation>Ninguna: el servidor propio de este equipo. Varias: los nodos de un clúster, que se prueban en este orden cuando uno no responde.</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>&amp;Servidores:</translation>
    </message>
</context>
<context>
    <name>Glosa::SheetArea</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Comentar…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Comment on Page %1…</source>
        <translation>Comentar la página %1…</translation>
    </message>
</context>
<context>
    <name>Glosa::SyncClient</name>
    <message>
        <source>No network</source>
        <translation>Sin red</translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation>No tienes permiso para hacer este cambio.</translation>
    </message>
    <message>
        <source>The thread or comment no longer exists.</source>
        <translation>El hilo o el comentario ya no existe.</translation>
    </message>
    <message>
        <source>The change conflicts with one made by someone else.</source>
        <translation>El cambio entra en conflicto con uno hecho por otra persona.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>El texto es demasiado largo.</translation>
    </message>
    <message>
        <source>The server could not accept the change.</source>
        <translation>El servidor no pudo aceptar el cambio.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>No has iniciado sesión.</translation>
    </message>
    <message>
        <source>The server could not store the change.</source>
        <translation>El servidor no pudo guardar el cambio.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The server needs a token to let you into “%1”.</source>
        <translation>El servidor necesita un token para dejarte entrar en «%1».</translation>
    </message>
    <message>
        <source>Your token expired on %1.</source>
        <translation>Tu token caducó el %1.</translation>
    </message>
    <message>
        <source>The server did not accept your token (%1).</source>
        <translation>El servidor no aceptó tu token (%1).</translation>
    </message>
    <message>
        <source>The server refused tenant “%1” or this page (%2).</source>
        <translation>El servidor rechazó el inquilino «%1» o esta página (%2).</translation>
    </message>
    <message>
        <source>The server refused this page (%1).</source>
        <translation>El servidor rechazó esta página (%1).</translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadExporter</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>HTML for printing (*.html)</source>
        <translation>HTML para imprimir (*.html)</translation>
    </message>
    <message>
        <source>Export Threads</source>
        <translation>Exportar hilos</translation>
    </message>
    <message>
        <source>Threads exported to %1.</source>
        <translation>Hilos exportados a %1.</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <comment>the name of a file of exported threads</comment>
        <translation>Hilos de %1</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
</context>
<context>
    <name>Glosa::TopBar</name>
    <message>
        <source>Document title</source>
        <translation>Título del documento</translation>
    </message>
    <message>
        <source>People viewing this page</source>
        <translation>Personas que ven esta página</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n viewing</source>
        <translation>
            <numerusform>%n viendo</numerusform>
            <numerusform>%n viendo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Only you are viewing this page</source>
        <translation>Solo tú estás viendo esta página</translation>
    </message>
    <message numerus="yes">
        <source>%n people are viewing this page</source>
        <translation>
            <numerusform>%n persona está viendo esta página</numerusform>
            <numerusform>%n personas están viendo esta página</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconectando en %n s</numerusform>
            <numerusform>Reconectando en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n cambio pendiente</numerusform>
            <numerusform>%1 · %n cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir preferencias</translation>
    </message>
    <message>
        <source>— viewing</source>
        <translation>— viendo</translation>
    </message>
    <message>
        <source>Not connected: who is viewing this page is not known</source>
        <translation>Sin conexión: no se sabe quién está viendo esta página</translation>
    </message>
    <message numerus="yes">
        <source>%n open thread(s)</source>
        <translation>
            <numerusform>%n hilo abierto</numerusform>
            <numerusform>%n hilos abiertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n resolved</source>
        <translation>
            <numerusform>%1, %n resuelto</numerusform>
            <numerusform>%1, %n resueltos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, showing what was last seen</source>
        <translation>%1, mostrando lo último que se vio</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Conectando con %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Próximo intento: %1</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Sin conexión con %1</translation>
    </message>
    <message>
        <source>Unread comments</source>
        <translation>Comentarios sin leer</translation>
    </message>
    <message>
        <source>Comments you have not read yet</source>
        <translation>Comentarios que aún no has leído</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFile</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 ocupa más de %2 MB.</translation>
    </message>
    <message>
        <source>%1 is not a UTF-8 text file.</source>
        <translation>%1 no es un archivo de texto UTF-8.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>QPdfDocument</name>
    <message>
        <source>The PDF&apos;s content is not the one expected.</source>
        <translation>El contenido del PDF no es el esperado.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password.</source>
        <translation>Este PDF está protegido con contraseña.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>La contraseña no es correcta.</translation>
    </message>
    <message>
        <source>This PDF is encrypted in a way Glosa cannot read.</source>
        <translation>Este PDF está cifrado de una forma que Glosa no puede leer.</translation>
    </message>
    <message>
        <source>This is not a PDF, or it is damaged.</source>
        <translation>No es un PDF, o está dañado.</translation>
    </message>
    <message>
        <source>This PDF has no pages, or it is damaged.</source>
        <translation>Este PDF no tiene páginas, o está dañado.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Annotate shared documents together, live.</source>
        <translation>Anota documentos compartidos en equipo, en directo.</translation>
    </message>
    <message>
        <source>The tenant on the server.</source>
        <translation>El inquilino en el servidor.</translation>
    </message>
    <message>
        <source>A file holding the access token.</source>
        <translation>Un archivo que contiene el token de acceso.</translation>
    </message>
    <message>
        <source>Open this page of the server.</source>
        <translation>Abrir esta página del servidor.</translation>
    </message>
    <message>
        <source>Glosa cannot start</source>
        <translation>Glosa no puede iniciarse</translation>
    </message>
    <message>
        <source>The local server cannot start: %1</source>
        <translation>El servidor local no puede iniciarse: %1</translation>
    </message>
    <message>
        <source>The port of this computer&apos;s own server (default: 8765).</source>
        <translation>El puerto del servidor propio de este equipo (por omisión: 8765).</translation>
    </message>
    <message>
        <source>--local-port needs a port from 1 to 65535.</source>
        <translation>--local-port necesita un puerto de 1 a 65535.</translation>
    </message>
    <message>
        <source>The server to use (ws:// or wss://); repeated, the nodes of one cluster, tried in turn; none: this computer&apos;s own.</source>
        <translation>El servidor que se usará (ws:// o wss://); repetido, los nodos de un clúster, que se prueban por turno; si no se indica, el de este equipo.</translation>
    </message>
    <message>
        <source>A text, Markdown or PDF file to open, or a glosa:// link to a thread.</source>
        <translation>Un archivo de texto, Markdown o PDF que abrir, o un enlace glosa:// a un hilo.</translation>
    </message>
    <message>
        <source>Cannot open the link “%1”: %2</source>
        <translation>No se puede abrir el enlace «%1»: %2</translation>
    </message>
</context>
</TS>
