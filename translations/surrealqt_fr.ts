<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>SurrealQt::DevServerProcess</name>
    <message>
        <source>The dev server was not found in %1 (set SURREALQT_DEV_SERVER_DIR).</source>
        <translation>Le serveur de développement est introuvable dans %1 (définissez SURREALQT_DEV_SERVER_DIR).</translation>
    </message>
    <message>
        <source>Node.js (node) was not found in PATH; the dev server needs it.</source>
        <translation>Node.js (node) est introuvable dans le PATH ; le serveur de développement en a besoin.</translation>
    </message>
    <message>
        <source>Could not find a free TCP port for the SurrealDB server.</source>
        <translation>Aucun port TCP libre n’a été trouvé pour le serveur SurrealDB.</translation>
    </message>
    <message>
        <source>The dev server did not become ready within %1 seconds.</source>
        <translation>Le serveur de développement n’était pas prêt au bout de %1 secondes.</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>Impossible d’exécuter %1 : %2</translation>
    </message>
    <message>
        <source>The dev server crashed before it was ready.</source>
        <translation>Le serveur de développement a planté avant d’être prêt.</translation>
    </message>
    <message>
        <source>The dev server exited with code %1 before it was ready.</source>
        <translation>Le serveur de développement s’est arrêté avec le code %1 avant d’être prêt.</translation>
    </message>
    <message>
        <source>The dev server crashed.</source>
        <translation>Le serveur de développement a planté.</translation>
    </message>
    <message>
        <source>The dev server exited unexpectedly with code %1.</source>
        <translation>Le serveur de développement s’est arrêté de manière inattendue avec le code %1.</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ExplorerView</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>A local, in-memory SurrealDB started with the Studio</source>
        <translation>Un SurrealDB local, en mémoire, démarré avec le Studio</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>arrêt…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
</context>
<context>
    <name>SurrealQt::LogView</name>
    <message>
        <source>No log output yet.</source>
        <translation>Aucune sortie pour l’instant.</translation>
    </message>
</context>
<context>
    <name>SurrealQt::MainWindow</name>
    <message>
        <source>SurrealQt Studio</source>
        <translation>SurrealQt Studio</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Explorer</source>
        <translation>Explorateur</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation>&amp;Bac à sable</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About SurrealQt Studio</source>
        <translation>À &amp;propos de SurrealQt Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>About SurrealQt Studio</source>
        <translation>À propos de SurrealQt Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SurrealQt Studio %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for SurrealDB, built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SurrealQt Studio %1&lt;/h3&gt;&lt;p&gt;Un atelier de bureau pour SurrealDB, construit avec Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SurrealQt::SandboxController</name>
    <message>
        <source>In memory</source>
        <translation>En mémoire</translation>
    </message>
    <message>
        <source>Sandbox disabled</source>
        <translation>Bac à sable désactivé</translation>
    </message>
    <message>
        <source>Starting sandbox…</source>
        <translation>Démarrage du bac à sable…</translation>
    </message>
    <message>
        <source>Sandbox ready at %1</source>
        <translation>Bac à sable prêt à l’adresse %1</translation>
    </message>
    <message>
        <source>Stopping sandbox…</source>
        <translation>Arrêt du bac à sable…</translation>
    </message>
    <message>
        <source>Sandbox stopped</source>
        <translation>Bac à sable arrêté</translation>
    </message>
    <message>
        <source>Sandbox failed: %1</source>
        <translation>Échec du bac à sable : %1</translation>
    </message>
    <message>
        <source>Starting the sandbox: %1 %2</source>
        <translation>Démarrage du bac à sable : %1 %2</translation>
    </message>
</context>
<context>
    <name>SurrealQt::WelcomePage</name>
    <message>
        <source>Welcome to SurrealQt Studio</source>
        <translation>Bienvenue dans SurrealQt Studio</translation>
    </message>
    <message>
        <source>A desktop workbench for SurrealDB, built with Qt 6.</source>
        <translation>Un atelier de bureau pour SurrealDB, construit avec Qt 6.</translation>
    </message>
    <message>
        <source>SurrealQt Studio lets you explore SurrealDB databases, write and run SurrealQL, design schemas visually and apply them as reviewable migrations. It is built on SurrealQt Core, the same library that any Qt application can use.</source>
        <translation>SurrealQt Studio vous permet d’explorer des bases SurrealDB, d’écrire et d’exécuter du SurrealQL, de concevoir des schémas visuellement et de les appliquer sous forme de migrations relisibles. Il repose sur SurrealQt Core, la bibliothèque que toute application Qt peut utiliser.</translation>
    </message>
    <message>
        <source>What you will find here</source>
        <translation>Ce que vous trouverez ici</translation>
    </message>
    <message>
        <source>&lt;b&gt;Explorer&lt;/b&gt;: connections, namespaces, databases and tables.</source>
        <translation>&lt;b&gt;Explorateur&lt;/b&gt; : connexions, espaces de noms, bases de données et tables.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Query console&lt;/b&gt;: SurrealQL with highlighting and completion, results as a table, a tree or text.</source>
        <translation>&lt;b&gt;Console de requêtes&lt;/b&gt; : SurrealQL avec coloration et complétion, résultats sous forme de tableau, d’arbre ou de texte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model designer&lt;/b&gt;: tables, fields, record links and relations on a canvas.</source>
        <translation>&lt;b&gt;Concepteur de modèles&lt;/b&gt; : tables, champs, liens d’enregistrements et relations sur un canevas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Migrations&lt;/b&gt;: see the generated SurrealQL before anything runs, then apply or roll back.</source>
        <translation>&lt;b&gt;Migrations&lt;/b&gt; : voyez le SurrealQL généré avant toute exécution, puis appliquez ou annulez.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live dashboards&lt;/b&gt;: panels fed by LIVE SELECT queries.</source>
        <translation>&lt;b&gt;Tableaux de bord en direct&lt;/b&gt; : des panneaux alimentés par des requêtes LIVE SELECT.</translation>
    </message>
    <message>
        <source>The sandbox</source>
        <translation>Le bac à sable</translation>
    </message>
    <message>
        <source>At startup the Studio runs a local, in-memory SurrealDB (the sandbox) so you can try everything without touching a real database. Its address appears in the Explorer and in the status bar, and its output in the Log panel. To do without it, start the Studio with:</source>
        <translation>Au démarrage, le Studio lance un SurrealDB local en mémoire (le bac à sable) pour que vous puissiez tout essayer sans toucher à une vraie base. Son adresse apparaît dans l’Explorateur et dans la barre d’état, et sa sortie dans le panneau Journal. Pour vous en passer, lancez le Studio avec :</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SurrealQt Studio</source>
        <translation>SurrealQt Studio</translation>
    </message>
    <message>
        <source>SurrealQt Studio: a desktop workbench for SurrealDB.</source>
        <translation>SurrealQt Studio : un atelier de bureau pour SurrealDB.</translation>
    </message>
    <message>
        <source>Do not start the local in-memory sandbox server.</source>
        <translation>Ne pas démarrer le serveur bac à sable local en mémoire.</translation>
    </message>
    <message>
        <source>Once the sandbox is ready, save a PNG screenshot of the main window to &lt;file&gt; and quit.</source>
        <translation>Une fois le bac à sable prêt, enregistrer une capture PNG de la fenêtre principale dans &lt;fichier&gt; et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Quit as soon as the sandbox is ready (for smoke tests).</source>
        <translation>Quitter dès que le bac à sable est prêt (pour les tests de fumée).</translation>
    </message>
    <message>
        <source>could not save the screenshot to %1</source>
        <translation>impossible d’enregistrer la capture dans %1</translation>
    </message>
</context>
</TS>
