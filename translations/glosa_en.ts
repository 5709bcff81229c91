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
    <name>Glosa::CommentEditor</name>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="19"/>
        <source>New thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="27"/>
        <source>Start the discussion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/commenteditor.cpp" line="28"/>
        <location filename="../app/desktop/commenteditor.cpp" line="32"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
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
        <location filename="../app/desktop/documentview.cpp" line="27"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="32"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="36"/>
        <source>Comment on the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/documentview.cpp" line="172"/>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::MainWindow</name>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="74"/>
        <source>Find in document (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="75"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="106"/>
        <source>Serving on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="107"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="115"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="116"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="118"/>
        <source>Open Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="118"/>
        <source>Documents (*.md *.markdown *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="122"/>
        <source>Open from &amp;Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="129"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="132"/>
        <source>&amp;Publish to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="134"/>
        <source>&amp;New Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="136"/>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="137"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="139"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="140"/>
        <source>&amp;Comment on Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="142"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="143"/>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="145"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="146"/>
        <source>&amp;Open Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="148"/>
        <source>&amp;Resolved Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="150"/>
        <source>&amp;All Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="153"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="154"/>
        <source>&amp;Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="160"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="166"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="167"/>
        <source>&amp;About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="168"/>
        <source>About Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="169"/>
        <source>&lt;b&gt;Glosa %1&lt;/b&gt;&lt;p&gt;Annotate shared documents together, live.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="189"/>
        <source>Cannot open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="202"/>
        <source>Welcome to Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="257"/>
        <source>%1 — Glosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="282"/>
        <source>%n thread(s) moved</source>
        <translation>
            <numerusform>%n thread moved</numerusform>
            <numerusform>%n threads moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="285"/>
        <source>%n could not be placed</source>
        <translation>
            <numerusform>%n could not be placed</numerusform>
            <numerusform>%n could not be placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/mainwindow.cpp" line="286"/>
        <source>%n thread(s) could not be placed</source>
        <translation>
            <numerusform>%n thread could not be placed</numerusform>
            <numerusform>%n threads could not be placed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="289"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="290"/>
        <source>The file changed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="291"/>
        <source>The document changed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="311"/>
        <source>A new version of “%1” was published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="349"/>
        <source>Reloaded “%1”: the file changed on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="365"/>
        <source>Select the passage you want to comment on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="378"/>
        <source>This document is already on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="383"/>
        <source>Published “%1” to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="387"/>
        <source>Cannot publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="411"/>
        <source>“%1” is not in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="420"/>
        <location filename="../app/desktop/mainwindow.cpp" line="426"/>
        <source>Share on Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="428"/>
        <source>Glosa now accepts connections from the network, but this computer has no network address right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="430"/>
        <source>Others on your network can join with this server address in their Settings:&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::NoticeBar</name>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="18"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="25"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/noticebar.cpp" line="26"/>
        <source>Close the notice</source>
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
    <name>Glosa::OrphanList</name>
    <message>
        <location filename="../app/desktop/orphanlist.cpp" line="21"/>
        <source>Threads whose text was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/orphanlist.cpp" line="59"/>
        <source>“%1”
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/orphanlist.cpp" line="66"/>
        <source>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Not found in this version&lt;/b&gt; · %n thread</numerusform>
            <numerusform>&lt;b&gt;Not found in this version&lt;/b&gt; · %n threads</numerusform>
        </translation>
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
        <location filename="../app/desktop/settingsdialog.cpp" line="42"/>
        <source>Token &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="43"/>
        <source>Shown to others when you have no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="45"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="46"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="50"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/settingsdialog.cpp" line="52"/>
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
        <location filename="../lib/sync/syncclient.cpp" line="351"/>
        <source>You are not allowed to make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="353"/>
        <source>The thread or comment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="355"/>
        <source>The change conflicts with one made by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="357"/>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="359"/>
        <source>The server could not accept the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="361"/>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="363"/>
        <source>The server could not store the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../lib/sync/syncclient.cpp" line="364"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadDelegate</name>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="43"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="45"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="47"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="58"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/threaddelegate.cpp" line="62"/>
        <source>%1 · %2 · %n reply(ies)</source>
        <translation>
            <numerusform>%1 · %2 · %n reply</numerusform>
            <numerusform>%1 · %2 · %n replies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="63"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="71"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="65"/>
        <location filename="../app/desktop/threaddelegate.cpp" line="162"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="67"/>
        <source>Text not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="70"/>
        <source>%1 · %2 · edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threaddelegate.cpp" line="73"/>
        <source>Comment deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glosa::ThreadPanel</name>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="47"/>
        <location filename="../app/desktop/threadpanel.cpp" line="105"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="49"/>
        <location filename="../app/desktop/threadpanel.cpp" line="132"/>
        <source>Delete thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="55"/>
        <location filename="../app/desktop/threadpanel.cpp" line="79"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="60"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="61"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="62"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="63"/>
        <source>Show threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="104"/>
        <source>Reply to the selected thread…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="115"/>
        <source>Send the reply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="133"/>
        <source>Delete this thread and all its comments for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="152"/>
        <source>No resolved threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="154"/>
        <source>No open threads yet.

Select a passage in the document and choose Comment to start a discussion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="227"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="227"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="258"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="261"/>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="261"/>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/threadpanel.cpp" line="266"/>
        <source>Delete</source>
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
