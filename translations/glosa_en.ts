<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Glosa::AppContext</name>
    <message>
        <source>Only the Glosa that started the local server can share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a server URL: it must start with ws:// or wss:// and name a host, as in wss://glosa.example.org/v1/ws.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatDelegate</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n reply(ies)</source>
        <translation>
            <numerusform>%1 · %2 · %n reply</numerusform>
            <numerusform>%1 · %2 · %n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new reply(ies)</source>
        <translation>
            <numerusform>%n new reply</numerusform>
            <numerusform>%n new replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved by %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatExport</name>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · edited %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1, exported %2. Threads: %3, resolved: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatLink</name>
    <message>
        <source>It is not a link to a thread: such links start with glosa://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is damaged: it cannot be read as a URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names no server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s server is not a ws:// or wss:// server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names no tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names no page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s tenant or page is longer than a server allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link names no thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s thread id is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatModel</name>
    <message>
        <source>Written %1
Edited %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1
Last change %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatPanel</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Thread with It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new thread on the same passage with your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy your reply to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to the selected thread…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this thread and all its comments for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this thread and all its comments for everyone? Your unsent reply to it is discarded too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resolved threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open threads yet.

Select a passage in the document and choose Comment to start a discussion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thread was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the thread to reply to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the one who started this thread or a moderator may delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your unsent reply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thread on “%1” has been deleted. Your reply to it is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Your reply is back in its reply box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this comment for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No threads match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::CommentButton</name>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::CommentEditor</name>
    <message>
        <source>New thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the discussion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the thread (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the comment (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this comment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to the comment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft comes back when you comment on the same passage again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft comes back when you edit the comment again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::CommentField</name>
    <message>
        <source>Write something first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) over the limit of %1.</source>
        <translation>
            <numerusform>The text is %n character over the limit of %1.</numerusform>
            <numerusform>The text is %n characters over the limit of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) over the limit</source>
        <translation>
            <numerusform>%n character over the limit</numerusform>
            <numerusform>%n characters over the limit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Glosa::ContentTransfer</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a piece of another content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document that came from the server is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentDirectory</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentView</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::EmbeddedHost</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is used by another program; Glosa&apos;s own server uses port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the Glosa that hosts the local server can share it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ExportCommand</name>
    <message>
        <source>glosa export FILE [--format md|json|html] [--output PATH] writes the threads of FILE as Markdown, JSON or HTML; see glosa export --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the threads of the page of FILE (a text, Markdown or PDF file), as the server has them or, where it cannot be reached, as this computer last saw them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document whose threads to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>md (Markdown, the default), json or html.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write (default: the standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See glosa export --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>glosa export needs one FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no format “%1”: it is md, json or html.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server (%1), and this computer has not kept the threads of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server (%1): these are the threads of %2 as this computer last saw them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::LinkOpener</name>
    <message>
        <source>this computer&apos;s own server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This thread is on %1, tenant “%2”; this Glosa uses %3, tenant “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it in a new Glosa that uses that server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in New Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thread opens in a new Glosa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new Glosa could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This thread is on a local file; choose your copy of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This thread is on a local file, “%1”; choose your copy of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not the file of this thread: it belongs to another page, its content is not the one the thread was written on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This thread was deleted or is not on this page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::MainWindow</name>
    <message>
        <source>Find in document (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open from &amp;Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment on Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolved Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Annotate shared documents together, live.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the passage you want to comment on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is already on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published “%1” to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glosa now accepts connections from the network, but this computer has no network address right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others on your network can join with this server address in their Settings:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glosa uses the new server and tenant from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) moved</source>
        <translation>
            <numerusform>%n thread moved</numerusform>
            <numerusform>%n threads moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be placed</source>
        <translation>
            <numerusform>%n could not be placed</numerusform>
            <numerusform>%n could not be placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) could not be placed</source>
        <translation>
            <numerusform>%n thread could not be placed</numerusform>
            <numerusform>%n threads could not be placed</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document changed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new version of “%1” was published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded “%1”: the file changed on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Server(s): %1</source>
        <translation>
            <numerusform>Server: %1</numerusform>
            <numerusform>Servers: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents (*.md *.markdown *.txt *.pdf);;PDF (*.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the PDF:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the text of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF has no text: right-click a page to comment on all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is being published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Threads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Threads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link to Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Unread Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark All as Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a link to a thread (glosa://…):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a thread first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unread threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started a thread on page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started a thread further up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started a thread further down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new threads</source>
        <translation>
            <numerusform>%n new thread</numerusform>
            <numerusform>%n new threads</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;entions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::MentionNotifier</name>
    <message>
        <source>%1 mentioned you in “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::MentionsDialog</name>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments that mention you, in the pages you have opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in “%2” · %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has mentioned you yet. Type @ and a name in a comment to mention someone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::OpenFromServerDialog</name>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open from Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been published on this server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · published %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (PDF, %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::OrphanList</name>
    <message>
        <source>Threads whose text was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread</numerusform>
            <numerusform>&lt;b&gt;Not found in this version&lt;/b&gt; · %n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>All of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::PageSession</name>
    <message>
        <source>You can read this page but not change it: your role is viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the one who started this thread or a moderator may delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only its author or a moderator may change this comment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::PdfView</name>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the width of the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit a whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF has no text: passages cannot be selected. Right-click a page to comment on all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Ou&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown to others when you have no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the server and language apply when Glosa starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: this computer&apos;s own server. Several: the nodes of one cluster, tried in this order when one cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::SheetArea</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on Page %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::SyncClient</name>
    <message>
        <source>No network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thread or comment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change conflicts with one made by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not accept the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not store the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs a token to let you into “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token expired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept your token (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused tenant “%1” or this page (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this page (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadExporter</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML for printing (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 threads</source>
        <comment>the name of a file of exported threads</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::TopBar</name>
    <message>
        <source>Document title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People viewing this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n viewing</source>
        <translation>
            <numerusform>%n viewing</numerusform>
            <numerusform>%n viewing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Only you are viewing this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people are viewing this page</source>
        <translation>
            <numerusform>%n people are viewing this page</numerusform>
            <numerusform>%n people are viewing this page</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n change waiting</numerusform>
            <numerusform>%1 · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— viewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: who is viewing this page is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open thread(s)</source>
        <translation>
            <numerusform>%n open thread</numerusform>
            <numerusform>%n open threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n resolved</source>
        <translation>
            <numerusform>%1, %n resolved</numerusform>
            <numerusform>%1, %n resolved</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, showing what was last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments you have not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFile</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a UTF-8 text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPdfDocument</name>
    <message>
        <source>The PDF&apos;s content is not the one expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is protected by a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is encrypted in a way Glosa cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a PDF, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF has no pages, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Annotate shared documents together, live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file holding the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this page of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glosa cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port of this computer&apos;s own server (default: 8765).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--local-port needs a port from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server to use (ws:// or wss://); repeated, the nodes of one cluster, tried in turn; none: this computer&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text, Markdown or PDF file to open, or a glosa:// link to a thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the link “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
