<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Glosa::AppContext</name>
    <message>
        <location filename="../app/desktop/appcontext.cpp" line="105"/>
        <source>Only the Glosa that started the local server can share it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ChatModel</name>
    <message>
        <location filename="../lib/sync/chatmodel.cpp" line="190"/>
        <source>Written %1
Edited %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/chatmodel.cpp" line="192"/>
        <source>Written %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/chatmodel.cpp" line="233"/>
        <source>Started %1
Last change %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/chatmodel.cpp" line="235"/>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::CommentEditor</name>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="22"/>
        <source>New thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="22"/>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="31"/>
        <source>Start the discussion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="32"/>
        <location filename="../app/desktop/commenteditor.cpp" line="36"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="36"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="38"/>
        <source>Start the thread (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="38"/>
        <source>Save the comment (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="111"/>
        <source>Discard this comment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="112"/>
        <source>Discard your changes to the comment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="114"/>
        <source>Keep Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="116"/>
        <source>Keep as Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="118"/>
        <source>A draft comes back when you comment on the same passage again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="120"/>
        <source>A draft comes back when you edit the comment again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::CommentField</name>
    <message>
        <location filename="../app/desktop/commentfield.cpp" line="55"/>
        <source>Write something first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/commentfield.cpp" line="57"/>
        <source>The text is %n character(s) over the limit of %1.</source>
        <translation>
            <numerusform>The text is %n character over the limit of %1.</numerusform>
            <numerusform>The text is %n characters over the limit of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/commentfield.cpp" line="68"/>
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/commentfield.cpp" line="71"/>
        <source>%n character(s) over the limit</source>
        <translation>
            <numerusform>%n character over the limit</numerusform>
            <numerusform>%n characters over the limit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentDirectory</name>
    <message>
        <location filename="../lib/sync/documentdirectory.cpp" line="38"/>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/documentdirectory.cpp" line="78"/>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::DocumentView</name>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="24"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="29"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="33"/>
        <source>Comment on the selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::MainWindow</name>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="59"/>
        <source>Find in document (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="60"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="84"/>
        <source>Serving on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="85"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="93"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="94"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="96"/>
        <source>Open Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="96"/>
        <source>Documents (*.md *.markdown *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="100"/>
        <source>Open from &amp;Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="107"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="110"/>
        <source>&amp;Publish to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="112"/>
        <source>&amp;New Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="114"/>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="115"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="117"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="118"/>
        <source>&amp;Comment on Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="120"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="121"/>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="123"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="124"/>
        <source>&amp;Open Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="126"/>
        <source>&amp;Resolved Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="128"/>
        <source>&amp;All Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="131"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="132"/>
        <source>&amp;Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="138"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="144"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="145"/>
        <source>&amp;About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="146"/>
        <source>About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="147"/>
        <source>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Annotate shared documents together, live.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="167"/>
        <source>Cannot open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="179"/>
        <source>Welcome to Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="213"/>
        <source>%1 — Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="246"/>
        <source>Select the passage you want to comment on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="265"/>
        <source>This document is already on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="270"/>
        <source>Published “%1” to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="274"/>
        <source>Cannot publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="299"/>
        <source>“%1” is not in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="308"/>
        <location filename="../app/desktop/mainwindow.cpp" line="314"/>
        <source>Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="316"/>
        <source>Glosa now accepts connections from the network, but this computer has no network address right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="318"/>
        <source>Others on your network can join with this server address in their Settings:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::OpenFromServerDialog</name>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="17"/>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="19"/>
        <source>Open from Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="22"/>
        <source>Documents on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="36"/>
        <source>Nothing has been published on this server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/openfromserverdialog.cpp" line="37"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/openfromserverdialog.cpp" line="41"/>
        <source>%1 · published %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::SettingsDialog</name>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="26"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="28"/>
        <source>This computer (wss://… for a team server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="29"/>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="30"/>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="32"/>
        <source>T&amp;oken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="35"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="38"/>
        <source>Token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="43"/>
        <source>Token &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="46"/>
        <source>Shown to others when you have no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="48"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="49"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="53"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="55"/>
        <source>Changes to the server and language apply when Glosa starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::SyncClient</name>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="60"/>
        <source>No network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="160"/>
        <source>The server refused this page (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="341"/>
        <source>You are not allowed to make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="343"/>
        <source>The thread or comment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="345"/>
        <source>The change conflicts with one made by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="347"/>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="349"/>
        <source>The server could not accept the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="351"/>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="353"/>
        <source>The server could not store the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="354"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadDelegate</name>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="47"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="49"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="51"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="62"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="66"/>
        <source>%1 · %2 · %n reply(ies)</source>
        <translation>
            <numerusform>%1 · %2 · %n reply</numerusform>
            <numerusform>%1 · %2 · %n replies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="67"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="75"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="69"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="166"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="71"/>
        <source>Text not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="74"/>
        <source>%1 · %2 · edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="77"/>
        <source>Comment deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadPanel</name>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="52"/>
        <location filename="../app/desktop/threadpanel.cpp" line="158"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="54"/>
        <location filename="../app/desktop/threadpanel.cpp" line="193"/>
        <source>Delete thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="57"/>
        <source>New Thread with It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="63"/>
        <location filename="../app/desktop/threadpanel.cpp" line="93"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="68"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="69"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="70"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="71"/>
        <source>Show threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="126"/>
        <source>Start a new thread on the same passage with your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="127"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="129"/>
        <source>Copy your reply to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="130"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="157"/>
        <location filename="../app/desktop/threadpanel.cpp" line="354"/>
        <source>Reply to the selected thread…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="191"/>
        <source>Delete this thread and all its comments for everyone? Your unsent reply to it is discarded too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="316"/>
        <source>The thread was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="318"/>
        <source>Select the thread to reply to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="320"/>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="486"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="487"/>
        <source>Delete comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="488"/>
        <source>Delete this comment for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="190"/>
        <source>Delete this thread and all its comments for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="216"/>
        <source>No resolved threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="218"/>
        <source>No open threads yet.

Select a passage in the document and choose Comment to start a discussion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="322"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="322"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="340"/>
        <source>Discard reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="340"/>
        <source>Discard your unsent reply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="402"/>
        <source>The thread on “%1” has been deleted. Your reply to it is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="428"/>
        <source>%1 Your reply is back in its reply box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="436"/>
        <location filename="../app/desktop/threadpanel.cpp" line="441"/>
        <source>Edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="484"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::TopBar</name>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="33"/>
        <source>Document title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="35"/>
        <source>People viewing this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="37"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="39"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="41"/>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="116"/>
        <source>%n viewing</source>
        <translation>
            <numerusform>%n viewing</numerusform>
            <numerusform>%n viewing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="123"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="124"/>
        <source>Only you are viewing this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="125"/>
        <source>%n people are viewing this page</source>
        <translation>
            <numerusform>%n people are viewing this page</numerusform>
            <numerusform>%n people are viewing this page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="133"/>
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="144"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="148"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="151"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="156"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/topbar.cpp" line="162"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/topbar.cpp" line="170"/>
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n change waiting</numerusform>
            <numerusform>%1 · %n changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFile</name>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="22"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="26"/>
        <source>%1 is larger than %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/document/loadeddocument.cpp" line="33"/>
        <source>%1 is not a UTF-8 text file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="27"/>
        <source>Annotate shared documents together, live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="31"/>
        <source>A text or Markdown file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="35"/>
        <source>The server to use (ws:// or wss://); none: this computer&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="39"/>
        <source>The tenant on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="41"/>
        <source>A file holding the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="44"/>
        <source>Open this page of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="59"/>
        <source>Glosa cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="60"/>
        <source>The local server cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
