<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Glosa::AppContext</name>
    <message>
        <location filename="../app/desktop/appcontext.cpp" line="105"/>
        <source>Only the Glosa that started the local server can share it.</source>
        <translation>Solo la instancia de Glosa que inició el servidor local puede compartirlo.</translation>
    </message>
</context>
<context>
    <name>Glosa::CommentEditor</name>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="19"/>
        <source>New thread</source>
        <translation>Nuevo hilo</translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="27"/>
        <source>Start the discussion…</source>
        <translation>Inicia la conversación…</translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="28"/>
        <location filename="../app/desktop/commenteditor.cpp" line="32"/>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentDirectory</name>
    <message>
        <location filename="../lib/sync/documentdirectory.cpp" line="38"/>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <location filename="../lib/sync/documentdirectory.cpp" line="78"/>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede conectar con el servidor: %1</translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentView</name>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="27"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="32"/>
        <source>Comment</source>
        <translation>Comentar</translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="36"/>
        <source>Comment on the selection</source>
        <translation>Comentar la selección</translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="172"/>
        <source>Comment…</source>
        <translation>Comentar…</translation>
    </message>
</context>
<context>
    <name>Glosa::MainWindow</name>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="74"/>
        <source>Find in document (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>Buscar en el documento (Intro: siguiente, Mayús+Intro: anterior, Esc: cerrar)</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="75"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="106"/>
        <source>Serving on this computer</source>
        <translation>Sirviendo desde este equipo</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="107"/>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="116"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="118"/>
        <source>Open Document</source>
        <translation>Abrir documento</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="118"/>
        <source>Documents (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Documentos (*.md *.markdown *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="122"/>
        <source>Open from &amp;Server…</source>
        <translation>Abrir desde el ser&amp;vidor…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="129"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="132"/>
        <source>&amp;Publish to Server</source>
        <translation>&amp;Publicar en el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="134"/>
        <source>&amp;New Window</source>
        <translation>&amp;Nueva ventana</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="136"/>
        <source>&amp;Close Window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="139"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="140"/>
        <source>&amp;Comment on Selection…</source>
        <translation>&amp;Comentar la selección…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="142"/>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="143"/>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="145"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="146"/>
        <source>&amp;Open Threads</source>
        <translation>Hilos &amp;abiertos</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="148"/>
        <source>&amp;Resolved Threads</source>
        <translation>Hilos &amp;resueltos</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="150"/>
        <source>&amp;All Threads</source>
        <translation>&amp;Todos los hilos</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="153"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="154"/>
        <source>&amp;Share on Network</source>
        <translation>Compartir en la &amp;red</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="160"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="166"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="167"/>
        <source>&amp;About Glosa</source>
        <translation>&amp;Acerca de Glosa</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="168"/>
        <source>About Glosa</source>
        <translation>Acerca de Glosa</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="169"/>
        <source>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Annotate shared documents together, live.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Anota documentos compartidos en equipo, en directo.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="189"/>
        <source>Cannot open document</source>
        <translation>No se puede abrir el documento</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="202"/>
        <source>Welcome to Glosa</source>
        <translation>Te damos la bienvenida a Glosa</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="257"/>
        <source>%1 — Glosa</source>
        <translation>%1 — Glosa</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="282"/>
        <source>%n thread(s) moved</source>
        <translation>
            <numerusform>%n hilo se movió</numerusform>
            <numerusform>%n hilos se movieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="285"/>
        <source>%n could not be placed</source>
        <translation>
            <numerusform>%n no se pudo situar</numerusform>
            <numerusform>%n no se pudieron situar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="286"/>
        <source>%n thread(s) could not be placed</source>
        <translation>
            <numerusform>%n hilo no se pudo situar</numerusform>
            <numerusform>%n hilos no se pudieron situar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="289"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="290"/>
        <source>The file changed: %1.</source>
        <translation>El archivo cambió: %1.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="291"/>
        <source>The document changed: %1.</source>
        <translation>El documento cambió: %1.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="311"/>
        <source>A new version of “%1” was published.</source>
        <translation>Se publicó una nueva versión de «%1».</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="349"/>
        <source>Reloaded “%1”: the file changed on disk.</source>
        <translation>«%1» se volvió a cargar: el archivo cambió en el disco.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="365"/>
        <source>Select the passage you want to comment on first.</source>
        <translation>Selecciona primero el pasaje que quieres comentar.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="378"/>
        <source>This document is already on the server.</source>
        <translation>Este documento ya está en el servidor.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="383"/>
        <source>Published “%1” to the server.</source>
        <translation>Se publicó “%1” en el servidor.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="387"/>
        <source>Cannot publish</source>
        <translation>No se puede publicar</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="411"/>
        <source>“%1” is not in the document.</source>
        <translation>“%1” no aparece en el documento.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="420"/>
        <location filename="../app/desktop/mainwindow.cpp" line="426"/>
        <source>Share on Network</source>
        <translation>Compartir en la red</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="428"/>
        <source>Glosa now accepts connections from the network, but this computer has no network address right now.</source>
        <translation>Glosa ya acepta conexiones desde la red, pero este equipo no tiene ninguna dirección de red en este momento.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="430"/>
        <source>Others on your network can join with this server address in their Settings:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>Otras personas de tu red pueden unirse indicando esta dirección de servidor en su Configuración:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Glosa::NoticeBar</name>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="18"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="25"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="26"/>
        <source>Close the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>Glosa::OpenFromServerDialog</name>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="17"/>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="19"/>
        <source>Open from Server</source>
        <translation>Abrir desde el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="22"/>
        <source>Documents on the server</source>
        <translation>Documentos en el servidor</translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="36"/>
        <source>Nothing has been published on this server yet.</source>
        <translation>Todavía no se ha publicado nada en este servidor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/openfromserverdialog.cpp" line="37"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documentos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="41"/>
        <source>%1 · published %2</source>
        <translation>%1 · publicado el %2</translation>
    </message>
</context>
<context>
    <name>Glosa::OrphanList</name>
    <message>
        <location filename="../app/desktop/orphanlist.cpp" line="21"/>
        <source>Threads whose text was not found</source>
        <translation>Hilos cuyo texto no se encontró</translation>
    </message>
    <message>
        <location filename="../app/desktop/orphanlist.cpp" line="59"/>
        <source>“%1”
%2: %3</source>
        <translation>«%1»
%2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/orphanlist.cpp" line="66"/>
        <source>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread(s)</source>
        <translation>
            <numerusform>&lt;b&gt;No encontrado en esta versión&lt;/b&gt; · %n hilo</numerusform>
            <numerusform>&lt;b&gt;No encontrado en esta versión&lt;/b&gt; · %n hilos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Glosa::SettingsDialog</name>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="26"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="28"/>
        <source>This computer (wss://… for a team server)</source>
        <translation>Este equipo (wss://… para un servidor compartido)</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="29"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="30"/>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="32"/>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="35"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="38"/>
        <source>Token file</source>
        <translation>Archivo de token</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="42"/>
        <source>Token &amp;file:</source>
        <translation>Archivo de &amp;token:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="43"/>
        <source>Shown to others when you have no token</source>
        <translation>Visible para los demás si no tienes token</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="45"/>
        <source>Your &amp;name:</source>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="46"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="50"/>
        <source>&amp;Language:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="52"/>
        <source>Changes to the server and language apply when Glosa starts again.</source>
        <translation>Los cambios de servidor e idioma se aplican la próxima vez que se inicie Glosa.</translation>
    </message>
</context>
<context>
    <name>Glosa::SyncClient</name>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="60"/>
        <source>No network</source>
        <translation>Sin red</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="160"/>
        <source>The server refused this page (%1)</source>
        <translation>El servidor rechazó esta página (%1)</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="351"/>
        <source>You are not allowed to make this change.</source>
        <translation>No tienes permiso para hacer este cambio.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="353"/>
        <source>The thread or comment no longer exists.</source>
        <translation>El hilo o el comentario ya no existe.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="355"/>
        <source>The change conflicts with one made by someone else.</source>
        <translation>El cambio entra en conflicto con uno hecho por otra persona.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="357"/>
        <source>The text is too long.</source>
        <translation>El texto es demasiado largo.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="359"/>
        <source>The server could not accept the change.</source>
        <translation>El servidor no pudo aceptar el cambio.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="361"/>
        <source>You are not signed in.</source>
        <translation>No has iniciado sesión.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="363"/>
        <source>The server could not store the change.</source>
        <translation>El servidor no pudo guardar el cambio.</translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="364"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadDelegate</name>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="43"/>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="45"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="47"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="58"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="62"/>
        <source>%1 · %2 · %n reply(ies)</source>
        <translation>
            <numerusform>%1 · %2 · %n respuesta</numerusform>
            <numerusform>%1 · %2 · %n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="63"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="71"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="65"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="162"/>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="67"/>
        <source>Text not found</source>
        <translation>Texto no encontrado</translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="70"/>
        <source>%1 · %2 · edited</source>
        <translation>%1 · %2 · editado</translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="73"/>
        <source>Comment deleted</source>
        <translation>Comentario eliminado</translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadPanel</name>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="47"/>
        <location filename="../app/desktop/threadpanel.cpp" line="105"/>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="49"/>
        <location filename="../app/desktop/threadpanel.cpp" line="132"/>
        <source>Delete thread</source>
        <translation>Eliminar hilo</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="55"/>
        <location filename="../app/desktop/threadpanel.cpp" line="79"/>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="60"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="61"/>
        <source>Resolved</source>
        <translation>Resueltos</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="62"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="63"/>
        <source>Show threads</source>
        <translation>Mostrar hilos</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="104"/>
        <source>Reply to the selected thread…</source>
        <translation>Responde al hilo seleccionado…</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="115"/>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation>Enviar la respuesta (Ctrl+Intro)</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="133"/>
        <source>Delete this thread and all its comments for everyone?</source>
        <translation>¿Eliminar este hilo y todos sus comentarios para todo el mundo?</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="152"/>
        <source>No resolved threads.</source>
        <translation>No hay hilos resueltos.</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="154"/>
        <source>No open threads yet.

Select a passage in the document and choose Comment to start a discussion.</source>
        <translation>Todavía no hay hilos abiertos.

Selecciona un pasaje del documento y elige Comentar para iniciar una conversación.</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="227"/>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="227"/>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="258"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="261"/>
        <source>Edit comment</source>
        <translation>Editar comentario</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="261"/>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="266"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>Glosa::TopBar</name>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="33"/>
        <source>Document title</source>
        <translation>Título del documento</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="35"/>
        <source>People viewing this page</source>
        <translation>Personas que ven esta página</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="37"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="39"/>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="41"/>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="116"/>
        <source>%n viewing</source>
        <translation>
            <numerusform>%n viendo</numerusform>
            <numerusform>%n viendo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="123"/>
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="124"/>
        <source>Only you are viewing this page</source>
        <translation>Solo tú estás viendo esta página</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="125"/>
        <source>%n people are viewing this page</source>
        <translation>
            <numerusform>%n persona está viendo esta página</numerusform>
            <numerusform>%n personas están viendo esta página</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="133"/>
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n hilo</numerusform>
            <numerusform>%n hilos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="144"/>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="148"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="151"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="156"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconectando en %n s</numerusform>
            <numerusform>Reconectando en %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="162"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="170"/>
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n cambio pendiente</numerusform>
            <numerusform>%1 · %n cambios pendientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFile</name>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="22"/>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="26"/>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 ocupa más de %2 MB.</translation>
    </message>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="33"/>
        <source>%1 is not a UTF-8 text file.</source>
        <translation>%1 no es un archivo de texto UTF-8.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="27"/>
        <source>Annotate shared documents together, live.</source>
        <translation>Anota documentos compartidos en equipo, en directo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="31"/>
        <source>A text or Markdown file to open.</source>
        <translation>Un archivo de texto o Markdown que abrir.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="35"/>
        <source>The server to use (ws:// or wss://); none: this computer&apos;s own.</source>
        <translation>El servidor que se usará (ws:// o wss://); si no se indica, el de este equipo.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="39"/>
        <source>The tenant on the server.</source>
        <translation>El inquilino en el servidor.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="41"/>
        <source>A file holding the access token.</source>
        <translation>Un archivo que contiene el token de acceso.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="44"/>
        <source>Open this page of the server.</source>
        <translation>Abrir esta página del servidor.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="59"/>
        <source>Glosa cannot start</source>
        <translation>Glosa no puede iniciarse</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="60"/>
        <source>The local server cannot start: %1</source>
        <translation>El servidor local no puede iniciarse: %1</translation>
    </message>
</context>
</TS>
