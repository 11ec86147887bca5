<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The record access variables must be a JSON object: %1</source>
        <translation>Les variables d’accès par enregistrement doivent former un objet JSON : %1</translation>
    </message>
    <message>
        <source>Root user</source>
        <translation>Utilisateur root</translation>
    </message>
    <message>
        <source>Namespace user</source>
        <translation>Utilisateur d’espace de noms</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>Utilisateur de base de données</translation>
    </message>
    <message>
        <source>Record access</source>
        <translation>Accès par enregistrement</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
</context>
<context>
    <name>FrameReader</name>
    <message>
        <source>the server set reserved bits in a frame</source>
        <translation>le serveur a mis des bits réservés dans une trame</translation>
    </message>
    <message>
        <source>the server sent a masked frame</source>
        <translation>le serveur a envoyé une trame masquée</translation>
    </message>
    <message>
        <source>the server sent a frame length over 2^63</source>
        <translation>le serveur a envoyé une longueur de trame supérieure à 2^63</translation>
    </message>
    <message>
        <source>the server sent a control frame that is fragmented or too long</source>
        <translation>le serveur a envoyé une trame de contrôle fragmentée ou trop longue</translation>
    </message>
    <message>
        <source>the server sent a message larger than the %1 MiB limit</source>
        <translation>le serveur a envoyé un message dépassant la limite de %1 Mio</translation>
    </message>
    <message>
        <source>the server started a message inside a fragmented one</source>
        <translation>le serveur a commencé un message au milieu d’un message fragmenté</translation>
    </message>
    <message>
        <source>the server sent a continuation frame outside a message</source>
        <translation>le serveur a envoyé une trame de continuation hors d’un message</translation>
    </message>
    <message>
        <source>the server sent a one-byte close frame</source>
        <translation>le serveur a envoyé une trame de fermeture d’un seul octet</translation>
    </message>
    <message>
        <source>the server sent a frame with unknown opcode %1</source>
        <translation>le serveur a envoyé une trame au code d’opération inconnu %1</translation>
    </message>
</context>
<context>
    <name>SurrealQt</name>
    <message>
        <source>the record does not exist</source>
        <translation>l’enregistrement n’existe pas</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ConnectionDialog</name>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>S’authentifier en tant que</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <source>None: connect to a running server</source>
        <translation>Aucun : se connecter à un serveur en cours d’exécution</translation>
    </message>
    <message>
        <source>Start the dev server</source>
        <translation>Démarrer le serveur de développement</translation>
    </message>
    <message>
        <source>Start a surreal binary</source>
        <translation>Démarrer un exécutable surreal</translation>
    </message>
    <message>
        <source>surreal binary</source>
        <translation>exécutable surreal</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>En mémoire</translation>
    </message>
    <message>
        <source>SurrealKV folder</source>
        <translation>Dossier SurrealKV</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n’importe quel port libre</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Enter a server URL, e.g. ws://127.0.0.1:8000/rpc</source>
        <translation>Saisissez l’URL d’un serveur, par exemple ws://127.0.0.1:8000/rpc</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>Connected to %1 / %2.</source>
        <translation>Connecté à %1 / %2.</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ConnectionPool</name>
    <message>
        <source>the connection pool was closed</source>
        <translation>le pool de connexions a été fermé</translation>
    </message>
    <message>
        <source>no pooled connection could be set up</source>
        <translation>aucune connexion du pool n’a pu être établie</translation>
    </message>
    <message numerus="yes">
        <source>no pooled connection became free in time (%n connection(s), all busy)</source>
        <translation>
            <numerusform>aucune connexion du pool ne s’est libérée à temps (%n connexion, occupée)</numerusform>
            <numerusform>aucune connexion du pool ne s’est libérée à temps (%n connexions, toutes occupées)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurrealQt::ConsoleManager</name>
    <message>
        <source>SurrealQL files (*.surql);;All files (*)</source>
        <translation>Fichiers SurrealQL (*.surql);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;New Query</source>
        <translation>&amp;Nouvelle requête</translation>
    </message>
    <message>
        <source>Open a query console on the sandbox</source>
        <translation>Ouvrir une console de requêtes sur le bac à sable</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>Requête %1</translation>
    </message>
    <message>
        <source>Close this console</source>
        <translation>Fermer cette console</translation>
    </message>
    <message>
        <source>Open a SurrealQL file</source>
        <translation>Ouvrir un fichier SurrealQL</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>Échec de l’ouverture</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Échec de l’enregistrement</translation>
    </message>
    <message>
        <source>Save the query</source>
        <translation>Enregistrer la requête</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Fermer la console</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 contient des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ConsoleWidget</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Run every statement (Ctrl+Return)</source>
        <translation>Exécuter toutes les instructions (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Run Selection</source>
        <translation>Exécuter la sélection</translation>
    </message>
    <message>
        <source>Run the selected text (Ctrl+Shift+Return)</source>
        <translation>Exécuter le texte sélectionné (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop waiting for the running query</source>
        <translation>Cesser d’attendre la requête en cours</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Invalid variables</source>
        <translation>Variables non valides</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>Cancelled: the console stopped waiting for the query.</source>
        <translation>Annulé : la console a cessé d’attendre la requête.</translation>
    </message>
    <message>
        <source>Cancelled after %1</source>
        <translation>Annulé après %1</translation>
    </message>
    <message>
        <source>At line %1, column %2.</source>
        <translation>À la ligne %1, colonne %2.</translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation>Échec après %1</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) in %1</source>
        <translation>
            <numerusform>%n instruction en %1</numerusform>
            <numerusform>%n instructions en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s), %1 failed, in %2</source>
        <translation>
            <numerusform>%n instruction, %1 en échec, en %2</numerusform>
            <numerusform>%n instructions, %1 en échec, en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d’enregistrer %1 : %2</translation>
    </message>
</context>
<context>
    <name>SurrealQt::DashboardView</name>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>Add panel</source>
        <translation>Ajouter un panneau</translation>
    </message>
    <message>
        <source>Live panel on</source>
        <translation>Panneau en direct sur</translation>
    </message>
    <message>
        <source>Add a panel to watch a table change live: its records, each notification, counters per action and the rate per second.</source>
        <translation>Ajoutez un panneau pour suivre une table en direct : ses enregistrements, chaque notification, des compteurs par action et le débit par seconde.</translation>
    </message>
</context>
<context>
    <name>SurrealQt::DesignerView</name>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Reading the schema…</source>
        <translation>Lecture du schéma…</translation>
    </message>
    <message>
        <source>Cannot read the schema: %1</source>
        <translation>Impossible de lire le schéma : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s).</source>
        <translation>
            <numerusform>%n table.</numerusform>
            <numerusform>%n tables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exporté.</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>Exporter le diagramme</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>Images PNG (*.png);;Dessins SVG (*.svg)</translation>
    </message>
</context>
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
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base de données</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>espace de noms</translation>
    </message>
    <message>
        <source>(cannot list tables)</source>
        <translation>(impossible de lister les tables)</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <source>count failed</source>
        <translation>échec du comptage</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show definition</source>
        <translation>Afficher la définition</translation>
    </message>
    <message>
        <source>New query here</source>
        <translation>Nouvelle requête ici</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>a local sandbox</source>
        <translation>un bac à sable local</translation>
    </message>
    <message>
        <source>%1: %2 (double-click to connect)</source>
        <translation>%1 : %2 (double-cliquez pour vous connecter)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>SurrealQt::FieldPath</name>
    <message>
        <source>invalid field name &quot;%1&quot;: a field name is letters, digits and underscores (not starting with a digit), in dotted paths</source>
        <translation>nom de champ non valide « %1 » : un nom de champ ne contient que des lettres, des chiffres et des traits de soulignement (sans commencer par un chiffre), en chemins séparés par des points</translation>
    </message>
    <message>
        <source>empty field name</source>
        <translation>nom de champ vide</translation>
    </message>
</context>
<context>
    <name>SurrealQt::GraphPath</name>
    <message>
        <source>a graph path is a chain of -&gt;table, &lt;-table or &lt;-&gt;table steps</source>
        <translation>un chemin de graphe est une suite d’étapes -&gt;table, &lt;-table ou &lt;-&gt;table</translation>
    </message>
    <message>
        <source>invalid table name &quot;%1&quot; in a graph path</source>
        <translation>nom de table non valide « %1 » dans un chemin de graphe</translation>
    </message>
    <message>
        <source>empty graph path</source>
        <translation>chemin de graphe vide</translation>
    </message>
</context>
<context>
    <name>SurrealQt::HistoryPanel</name>
    <message>
        <source>Search history…</source>
        <translation>Rechercher dans l’historique…</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Ran at</source>
        <translation>Date d’exécution</translation>
    </message>
    <message>
        <source>Double-click an entry to put it back in the editor</source>
        <translation>Double-cliquez sur une entrée pour la remettre dans l’éditeur</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>SurrealQt::HttpConnection</name>
    <message>
        <source>malformed JSON (%1 at offset %2)</source>
        <translation>JSON mal formé (%1 à la position %2)</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>la connexion a été fermée</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 a été annulée</translation>
    </message>
    <message>
        <source>%1 timed out after %2 ms</source>
        <translation>%1 a expiré après %2 ms</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>impossible de joindre %1 : %2</translation>
    </message>
    <message>
        <source>signing in again</source>
        <translation>la nouvelle authentification</translation>
    </message>
    <message>
        <source>%1 failed with HTTP status %2</source>
        <translation>%1 a échoué avec le statut HTTP %2</translation>
    </message>
    <message>
        <source>%1 failed with HTTP status %2 and a body that is not a SurrealDB error: %3</source>
        <translation>%1 a échoué avec le statut HTTP %2 et un corps qui n’est pas une erreur SurrealDB : %3</translation>
    </message>
    <message>
        <source>the server answered the %1 call with the reply to call %2</source>
        <translation>le serveur a répondu à la requête %1 par la réponse à la requête %2</translation>
    </message>
    <message>
        <source>the server answered the %1 call with a live notification</source>
        <translation>le serveur a répondu à la requête %1 par une notification en direct</translation>
    </message>
    <message>
        <source>the %1 call</source>
        <translation>la requête %1</translation>
    </message>
    <message>
        <source>the server sent a malformed reply to the %1 call: %2</source>
        <translation>le serveur a envoyé une réponse mal formée à la requête %1 : %2</translation>
    </message>
    <message>
        <source>not an RPC response: %1</source>
        <translation>ce n’est pas une réponse RPC : %1</translation>
    </message>
    <message>
        <source>%1 needs a variable name</source>
        <translation>%1 nécessite un nom de variable</translation>
    </message>
    <message>
        <source>sessions and interactive transactions need a WebSocket connection</source>
        <translation>les sessions et les transactions interactives nécessitent une connexion WebSocket</translation>
    </message>
    <message>
        <source>%1 needs a WebSocket connection</source>
        <translation>%1 nécessite une connexion WebSocket</translation>
    </message>
    <message>
        <source>the SQL request</source>
        <translation>la requête SQL</translation>
    </message>
    <message>
        <source>the server sent a malformed reply to the SQL request: %1</source>
        <translation>le serveur a envoyé une réponse mal formée à la requête SQL : %1</translation>
    </message>
    <message>
        <source>the health check</source>
        <translation>la vérification de l’état</translation>
    </message>
    <message>
        <source>the version request</source>
        <translation>la demande de version</translation>
    </message>
    <message>
        <source>the export</source>
        <translation>l’exportation</translation>
    </message>
    <message>
        <source>the import needs a source to read from</source>
        <translation>l’importation nécessite une source à lire</translation>
    </message>
    <message>
        <source>the import source</source>
        <translation>le flux source</translation>
    </message>
    <message>
        <source>cannot open %1 for the import: %2</source>
        <translation>impossible d’ouvrir %1 pour l’importation : %2</translation>
    </message>
    <message>
        <source>%1 is not open for reading</source>
        <translation>%1 n’est pas ouvert en lecture</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>l’importation</translation>
    </message>
    <message>
        <source>a transaction needs at least one statement</source>
        <translation>une transaction nécessite au moins une instruction</translation>
    </message>
    <message>
        <source>malformed CBOR (%1)</source>
        <translation>CBOR mal formé (%1)</translation>
    </message>
    <message>
        <source>unreadable JSON value (%1)</source>
        <translation>valeur JSON illisible (%1)</translation>
    </message>
    <message>
        <source>cannot read CA certificates from %1</source>
        <translation>impossible de lire les certificats d’autorité dans %1</translation>
    </message>
</context>
<context>
    <name>SurrealQt::LivePanel</name>
    <message>
        <source>Remove this panel</source>
        <translation>Retirer ce panneau</translation>
    </message>
    <message>
        <source>subscribing…</source>
        <translation>abonnement…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>ended: the live query was killed</source>
        <translation>terminé : la requête LIVE a été arrêtée</translation>
    </message>
    <message>
        <source>CREATE %1 · UPDATE %2 · DELETE %3</source>
        <translation>CREATE %1 · UPDATE %2 · DELETE %3</translation>
    </message>
    <message>
        <source>Events: %1 received, the last %2 kept</source>
        <translation>Événements : %1 reçus, les %2 derniers gardés</translation>
    </message>
</context>
<context>
    <name>SurrealQt::LiveQueryModel</name>
    <message>
        <source>no connection</source>
        <translation>aucune connexion</translation>
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
    <name>SurrealQt::Lookup</name>
    <message>
        <source>the %1 lookup needs %2</source>
        <translation>le filtre de recherche %1 nécessite %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a list of values</source>
        <translation>une liste de valeurs</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
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
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Definition of %1</source>
        <translation>Définition de %1</translation>
    </message>
    <message>
        <source>Saved the connection %1.</source>
        <translation>Connexion %1 enregistrée.</translation>
    </message>
    <message>
        <source>The connection %1 was saved without its secret: %2</source>
        <translation>La connexion %1 a été enregistrée sans son secret : %2</translation>
    </message>
    <message>
        <source>New &amp;connection…</source>
        <translation>Nouvelle &amp;connexion…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>The sandbox&apos;s connection</source>
        <translation>La connexion du bac à sable</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>Modifier la connexion %1</translation>
    </message>
    <message>
        <source>Saved the connection %1; the changes apply when it connects again.</source>
        <translation>Connexion %1 enregistrée ; les modifications prendront effet à la prochaine connexion.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Delete the connection %1 and its saved secret?</source>
        <translation>Supprimer la connexion %1 et son secret enregistré ?</translation>
    </message>
    <message>
        <source>Deleted the connection %1.</source>
        <translation>Connexion %1 supprimée.</translation>
    </message>
    <message>
        <source>Deleted the connection %1; its secret could not be removed: %2</source>
        <translation>Connexion %1 supprimée ; son secret n’a pas pu être effacé : %2</translation>
    </message>
    <message>
        <source>Connect first: the migrations run on an open connection.</source>
        <translation>Connectez-vous d’abord : les migrations s’exécutent sur une connexion ouverte.</translation>
    </message>
    <message>
        <source>the sandbox (%1/%2)</source>
        <translation>le bac à sable (%1/%2)</translation>
    </message>
    <message>
        <source>Migrations: %1</source>
        <translation>Migrations : %1</translation>
    </message>
    <message>
        <source>Open a migrations folder</source>
        <translation>Ouvrir un dossier de migrations</translation>
    </message>
    <message>
        <source>Open &amp;migrations folder…</source>
        <translation>Ouvrir un dossier de &amp;migrations…</translation>
    </message>
    <message>
        <source>Connect first: a dashboard watches an open connection.</source>
        <translation>Connectez-vous d’abord : un tableau de bord suit une connexion ouverte.</translation>
    </message>
    <message>
        <source>Live dashboard</source>
        <translation>Tableau de bord en direct</translation>
    </message>
    <message>
        <source>New live &amp;dashboard</source>
        <translation>Nouveau &amp;tableau de bord en direct</translation>
    </message>
    <message>
        <source>Connect first: the diagram is read from an open connection.</source>
        <translation>Connectez-vous d’abord : le diagramme est lu depuis une connexion ouverte.</translation>
    </message>
    <message>
        <source>Schema diagram</source>
        <translation>Diagramme du schéma</translation>
    </message>
    <message>
        <source>Schema &amp;diagram</source>
        <translation>&amp;Diagramme du schéma</translation>
    </message>
</context>
<context>
    <name>SurrealQt::MigrationPreview</name>
    <message>
        <source>cannot rebuild the schema: %1</source>
        <translation>impossible de reconstruire le schéma : %1</translation>
    </message>
    <message>
        <source>(empty schema)</source>
        <translation>(schéma vide)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>SurrealQL</source>
        <translation>SurrealQL</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>destructive: %1</source>
        <translation>destructrice : %1</translation>
    </message>
    <message>
        <source>Apply %1: one transaction</source>
        <translation>Appliquer %1 : une transaction</translation>
    </message>
    <message>
        <source>Roll back %1: one transaction</source>
        <translation>Annuler %1 : une transaction</translation>
    </message>
</context>
<context>
    <name>SurrealQt::MigrationsView</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>appliquée</translation>
    </message>
    <message>
        <source>applied, file changed since</source>
        <translation>appliquée, fichier modifié depuis</translation>
    </message>
    <message>
        <source>applied, no file</source>
        <translation>appliquée, sans fichier</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Migrations in %1, on %2</source>
        <translation>Migrations de %1, sur %2</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Appliquée le</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>Cannot read the migrations: %1</source>
        <translation>Impossible de lire les migrations : %1</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Cannot read the migration history: %1</source>
        <translation>Impossible de lire l’historique des migrations : %1</translation>
    </message>
    <message>
        <source>No migrations in this folder yet.</source>
        <translation>Aucune migration dans ce dossier pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending migration(s).</source>
        <translation>
            <numerusform>%n migration en attente.</numerusform>
            <numerusform>%n migrations en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply all pending (%1)</source>
        <translation>Appliquer toutes celles en attente (%1)</translation>
    </message>
    <message>
        <source>Apply up to %1 (%2)</source>
        <translation>Appliquer jusqu’à %1 (%2)</translation>
    </message>
    <message>
        <source>Roll back %1 and later</source>
        <translation>Annuler %1 et les suivantes</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Annuler des migrations</translation>
    </message>
    <message>
        <source>Apply migrations</source>
        <translation>Appliquer des migrations</translation>
    </message>
    <message>
        <source>These operations can lose data:
%1

Apply?</source>
        <translation>Ces opérations peuvent perdre des données :
%1

Appliquer ?</translation>
    </message>
    <message>
        <source>Roll back migrations</source>
        <translation>Annuler des migrations</translation>
    </message>
    <message>
        <source>Roll back, last first:
%1

Each runs the backward SurrealQL shown under SurrealQL; data in the fields and tables it removes is lost.</source>
        <translation>Annuler, la dernière d’abord :
%1

Chacune exécute le SurrealQL inverse affiché sous SurrealQL ; les données des champs et tables qu’il supprime sont perdues.</translation>
    </message>
    <message>
        <source>Cancelling after the migration that is running…</source>
        <translation>Arrêt après la migration en cours…</translation>
    </message>
    <message>
        <source>Rolling back %1…</source>
        <translation>Annulation de %1…</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>Application de %1…</translation>
    </message>
    <message>
        <source>Rolled back %1.</source>
        <translation>%1 annulée.</translation>
    </message>
    <message>
        <source>Applied %1.</source>
        <translation>%1 appliquée.</translation>
    </message>
    <message>
        <source>The rollback failed: %1</source>
        <translation>L’annulation a échoué : %1</translation>
    </message>
    <message>
        <source>Applying failed: %1</source>
        <translation>L’application a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back %n migration(s).</source>
        <translation>
            <numerusform>%n migration annulée.</numerusform>
            <numerusform>%n migrations annulées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s).</source>
        <translation>
            <numerusform>%n migration appliquée.</numerusform>
            <numerusform>%n migrations appliquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled before the next one.</source>
        <translation>Arrêté avant la suivante.</translation>
    </message>
</context>
<context>
    <name>SurrealQt::Objects</name>
    <message>
        <source>the record no longer exists</source>
        <translation>l’enregistrement n’existe plus</translation>
    </message>
</context>
<context>
    <name>SurrealQt::PosixWebSocketTransport</name>
    <message>
        <source>no WebSocket handshake within %1 ms</source>
        <translation>pas de poignée de main WebSocket en %1 ms</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>impossible de résoudre %1 : %2</translation>
    </message>
    <message>
        <source>no address to connect to</source>
        <translation>aucune adresse à laquelle se connecter</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>the server closed the connection (code %1)</source>
        <translation>le serveur a fermé la connexion (code %1)</translation>
    </message>
    <message>
        <source>the connection was aborted</source>
        <translation>la connexion a été interrompue</translation>
    </message>
</context>
<context>
    <name>SurrealQt::PrefetchRun</name>
    <message>
        <source>invalid prefetch field &quot;%1&quot;</source>
        <translation>champ de préchargement non valide « %1 »</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ProfileSession</name>
    <message>
        <source>The connection profile %1 no longer exists.</source>
        <translation>Le profil de connexion %1 n’existe plus.</translation>
    </message>
    <message>
        <source>%1: choose a folder for the SurrealKV storage.</source>
        <translation>%1 : choisissez un dossier pour le stockage SurrealKV.</translation>
    </message>
    <message>
        <source>%1: no `surreal` program is set (and SURREAL_BIN is empty).</source>
        <translation>%1 : aucun programme `surreal` n’est défini (et SURREAL_BIN est vide).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: the profile has no server URL.</source>
        <translation>%1 : le profil n’a pas d’URL de serveur.</translation>
    </message>
    <message>
        <source>Connecting to %1 (%2)…</source>
        <translation>Connexion à %1 (%2)…</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1 : connexion impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot sign in: %2</source>
        <translation>%1 : authentification impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot use %2 / %3: %4</source>
        <translation>%1 : impossible d’utiliser %2 / %3 : %4</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Connecté à %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SurrealQt::QtWebSocketTransport</name>
    <message>
        <source>cannot read CA certificates from %1</source>
        <translation>impossible de lire les certificats d’autorité dans %1</translation>
    </message>
</context>
<context>
    <name>SurrealQt::QuerySet</name>
    <message>
        <source>the query set has no connection</source>
        <translation>le QuerySet n’a aucune connexion</translation>
    </message>
    <message>
        <source>after() pages in id order: order by &quot;id&quot; or &quot;-id&quot; only</source>
        <translation>after() pagine dans l’ordre des id : triez uniquement par « id » ou « -id »</translation>
    </message>
    <message>
        <source>values(), valuesList() and only() need field names</source>
        <translation>values(), valuesList() et only() nécessitent des noms de champs</translation>
    </message>
    <message>
        <source>valuesList(flat) needs exactly one field</source>
        <translation>valuesList(flat) nécessite exactement un champ</translation>
    </message>
    <message>
        <source>annotate() groups by the values() fields: use values(), or nothing for GROUP ALL</source>
        <translation>annotate() regroupe selon les champs de values() : utilisez values(), ou rien pour GROUP ALL</translation>
    </message>
    <message>
        <source>invalid annotation alias &quot;%1&quot;</source>
        <translation>alias d’annotation non valide « %1 »</translation>
    </message>
    <message>
        <source>last() on a sliced query set: reverse the ordering instead</source>
        <translation>last() sur un QuerySet découpé : inversez plutôt l’ordre de tri</translation>
    </message>
    <message>
        <source>a live query follows whole records of one table: no traversal, slicing, values() or annotate()</source>
        <translation>une requête en direct suit des enregistrements entiers d’une seule table : pas de parcours, de découpage, de values() ni d’annotate()</translation>
    </message>
    <message>
        <source>get() found no %1 record that matches</source>
        <translation>get() n’a trouvé aucun enregistrement %1 correspondant</translation>
    </message>
    <message>
        <source>get() found more than one %1 record that matches</source>
        <translation>get() a trouvé plus d’un enregistrement %1 correspondant</translation>
    </message>
    <message>
        <source>bulkCreate() needs a chunk size of at least 1</source>
        <translation>bulkCreate() nécessite une taille de lot d’au moins 1</translation>
    </message>
    <message>
        <source>bulkUpdate() on a sliced query set (limit or offset)</source>
        <translation>bulkUpdate() sur un QuerySet découpé (limit ou offset)</translation>
    </message>
    <message>
        <source>bulkDelete() on a sliced query set (limit or offset)</source>
        <translation>bulkDelete() sur un QuerySet découpé (limit ou offset)</translation>
    </message>
    <message>
        <source>upsert() on a sliced query set (limit or offset)</source>
        <translation>upsert() sur un QuerySet découpé (limit ou offset)</translation>
    </message>
    <message>
        <source>upsert(): the record id %1 is not in this table</source>
        <translation>upsert() : l’identifiant d’enregistrement %1 n’appartient pas à cette table</translation>
    </message>
    <message>
        <source>a table name cannot be empty</source>
        <translation>un nom de table ne peut pas être vide</translation>
    </message>
</context>
<context>
    <name>SurrealQt::RateChart</name>
    <message>
        <source>%1/s now, peak %2/s (last minute)</source>
        <translation>%1/s maintenant, pic %2/s (dernière minute)</translation>
    </message>
</context>
<context>
    <name>SurrealQt::RecordInspector</name>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Outgoing relations</source>
        <translation>Relations sortantes</translation>
    </message>
    <message>
        <source>Incoming relations</source>
        <translation>Relations entrantes</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Enregistrement %1</translation>
    </message>
    <message>
        <source>Relations could not be read: %1</source>
        <translation>Impossible de lire les relations : %1</translation>
    </message>
    <message>
        <source>Outgoing relations (%1)</source>
        <translation>Relations sortantes (%1)</translation>
    </message>
    <message>
        <source>Incoming relations (%1)</source>
        <translation>Relations entrantes (%1)</translation>
    </message>
</context>
<context>
    <name>SurrealQt::RecordStore</name>
    <message>
        <source>invalid table name &quot;%1&quot;</source>
        <translation>nom de table non valide « %1 »</translation>
    </message>
    <message>
        <source>the record id %1 is not in table %2</source>
        <translation>l’identifiant d’enregistrement %1 n’appartient pas à la table %2</translation>
    </message>
</context>
<context>
    <name>SurrealQt::RelationManager</name>
    <message>
        <source>invalid edge table name &quot;%1&quot;</source>
        <translation>nom de table d’arêtes non valide « %1 »</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ResultExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ResultTableModel</name>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ResultTreeModel</name>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n élément]</numerusform>
            <numerusform>[%n éléments]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n champ}</numerusform>
            <numerusform>{%n champs}</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>SurrealQt::ResultsPanel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>SurrealQL</source>
        <translation>SurrealQL</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Save the selected statement&apos;s result as CSV</source>
        <translation>Enregistrer le résultat de l’instruction sélectionnée au format CSV</translation>
    </message>
    <message>
        <source>Save the selected statement&apos;s result as JSON</source>
        <translation>Enregistrer le résultat de l’instruction sélectionnée au format JSON</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>ERR</source>
        <translation>ERR</translation>
    </message>
    <message>
        <source>Export the result as CSV</source>
        <translation>Exporter le résultat au format CSV</translation>
    </message>
    <message>
        <source>Export the result as JSON</source>
        <translation>Exporter le résultat au format JSON</translation>
    </message>
    <message>
        <source>result.csv</source>
        <translation>resultat.csv</translation>
    </message>
    <message>
        <source>result.json</source>
        <translation>resultat.json</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
</context>
<context>
    <name>SurrealQt::RowLoader</name>
    <message>
        <source>A filter is one expression: remove the &apos;;&apos;.</source>
        <translation>Un filtre est une expression unique : supprimez le « ; ».</translation>
    </message>
    <message>
        <source>The filter leaves a string or a comment open.</source>
        <translation>Le filtre laisse une chaîne ou un commentaire non fermé.</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>cannot connect to the sandbox</source>
        <translation>impossible de se connecter au bac à sable</translation>
    </message>
    <message>
        <source>cannot sign in to the sandbox</source>
        <translation>impossible de s’authentifier auprès du bac à sable</translation>
    </message>
    <message>
        <source>cannot use the demo database</source>
        <translation>impossible d’utiliser la base de données de démonstration</translation>
    </message>
    <message>
        <source>cannot read the sandbox&apos;s schema</source>
        <translation>impossible de lire le schéma du bac à sable</translation>
    </message>
    <message>
        <source>Loading the demo schema and data into %1/%2…</source>
        <translation>Chargement du schéma et des données de démonstration dans %1/%2…</translation>
    </message>
    <message>
        <source>cannot load the demo</source>
        <translation>impossible de charger la démo</translation>
    </message>
    <message>
        <source>the demo schema failed: %1</source>
        <translation>échec du schéma de démonstration : %1</translation>
    </message>
    <message numerus="yes">
        <source>Demo loaded: %n statement(s).</source>
        <translation>
            <numerusform>Démo chargée : %n instruction.</numerusform>
            <numerusform>Démo chargée : %n instructions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandbox ready at %1, demo database loaded</source>
        <translation>Bac à sable prêt à l’adresse %1, base de données de démonstration chargée</translation>
    </message>
    <message>
        <source>SurrealKV in %1</source>
        <translation>SurrealKV dans %1</translation>
    </message>
</context>
<context>
    <name>SurrealQt::SchemaScene</name>
    <message>
        <source>Automatic layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message numerus="yes">
        <source>Move %n table(s)</source>
        <translation>
            <numerusform>Déplacer %n table</numerusform>
            <numerusform>Déplacer %n tables</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema diagram</source>
        <translation>Diagramme du schéma</translation>
    </message>
</context>
<context>
    <name>SurrealQt::SurqlLexer</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Identifiant d’enregistrement</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Quoted identifier</source>
        <translation>Identifiant délimité</translation>
    </message>
</context>
<context>
    <name>SurrealQt::TableBrowser</name>
    <message>
        <source>WHERE</source>
        <translation>WHERE</translation>
    </message>
    <message>
        <source>a SurrealQL condition, e.g. age &gt; 30</source>
        <translation>une condition SurrealQL, par exemple age &gt; 30</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Nouvel enregistrement</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>%L1 records</source>
        <translation>%L1 enregistrements</translation>
    </message>
    <message>
        <source>%L1 records match the filter</source>
        <translation>%L1 enregistrements correspondent au filtre</translation>
    </message>
</context>
<context>
    <name>SurrealQt::TableBrowserModel</name>
    <message>
        <source>The server refused the filter: %1</source>
        <translation>Le serveur a refusé le filtre : %1</translation>
    </message>
    <message>
        <source>Not a SurrealQL value: %1</source>
        <translation>Ce n’est pas une valeur SurrealQL : %1</translation>
    </message>
</context>
<context>
    <name>SurrealQt::UserAuth</name>
    <message>
        <source>%1 is not a user model (ModelSpec::user())</source>
        <translation>%1 n’est pas un modèle d’utilisateur (ModelSpec::user())</translation>
    </message>
    <message>
        <source>no signed-in user record</source>
        <translation>aucun enregistrement d’utilisateur authentifié</translation>
    </message>
</context>
<context>
    <name>SurrealQt::VariablesPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value (JSON)</source>
        <translation>Valeur (JSON)</translation>
    </message>
    <message>
        <source>Sent as bound parameters: use them as $name in the query</source>
        <translation>Envoyées comme paramètres liés : utilisez-les sous la forme $nom dans la requête</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>Supprimer les variables sélectionnées</translation>
    </message>
    <message>
        <source>Variable %1: a name is letters, digits and underscores</source>
        <translation>Variable %1 : un nom ne contient que des lettres, des chiffres et des traits de soulignement</translation>
    </message>
    <message>
        <source>Variable $%1: the value is not valid JSON (write strings in double quotes)</source>
        <translation>Variable $%1 : la valeur n’est pas du JSON valide (écrivez les chaînes entre guillemets doubles)</translation>
    </message>
</context>
<context>
    <name>SurrealQt::WebSocketConnection</name>
    <message>
        <source>the connection was closed</source>
        <translation>la connexion a été fermée</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>impossible de se connecter à %1 : %2</translation>
    </message>
    <message>
        <source>the connection was lost: %1</source>
        <translation>la connexion a été perdue : %1</translation>
    </message>
    <message>
        <source>the connection was lost while the call was in flight; it was not repeated because it may have changed data</source>
        <translation>la connexion a été perdue pendant que la requête était en cours ; elle n’a pas été renvoyée car elle a pu modifier des données</translation>
    </message>
    <message numerus="yes">
        <source>gave up reconnecting after %n attempt(s)</source>
        <translation>
            <numerusform>abandon de la reconnexion après %n tentative</numerusform>
            <numerusform>abandon de la reconnexion après %n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>not connected: call open() first</source>
        <translation>non connecté : appelez d’abord open()</translation>
    </message>
    <message>
        <source>the server sent malformed JSON: %1</source>
        <translation>le serveur a envoyé du JSON mal formé : %1</translation>
    </message>
    <message>
        <source>replaying %1 after a reconnect failed: %2</source>
        <translation>échec de la réexécution de %1 après la reconnexion : %2</translation>
    </message>
    <message>
        <source>a live query could not be subscribed again: %1</source>
        <translation>impossible de réabonner une requête en direct : %1</translation>
    </message>
    <message>
        <source>the %1 call was cancelled</source>
        <translation>la requête %1 a été annulée</translation>
    </message>
    <message>
        <source>the %1 call timed out</source>
        <translation>la requête %1 a expiré</translation>
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
        <source>What you will find here</source>
        <translation>Ce que vous trouverez ici</translation>
    </message>
    <message>
        <source>The sandbox</source>
        <translation>Le bac à sable</translation>
    </message>
    <message>
        <source>At startup the Studio runs a local, in-memory SurrealDB (the sandbox) so you can try everything without touching a real database. Its address appears in the Explorer and in the status bar, and its output in the Log panel. To do without it, start the Studio with:</source>
        <translation>Au démarrage, le Studio lance un SurrealDB local en mémoire (le bac à sable) pour que vous puissiez tout essayer sans toucher à une vraie base. Son adresse apparaît dans l’Explorateur et dans la barre d’état, et sa sortie dans le panneau Journal. Pour vous en passer, lancez le Studio avec :</translation>
    </message>
    <message>
        <source>SurrealQt Studio lets you explore SurrealDB databases, browse and edit records, and write and run SurrealQL. It is built on SurrealQt Core, the same library that any Qt application can use.</source>
        <translation>SurrealQt Studio vous permet d’explorer des bases SurrealDB, de parcourir et modifier des enregistrements, et d’écrire et exécuter du SurrealQL. Il repose sur SurrealQt Core, la même bibliothèque que toute application Qt peut utiliser.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Explorer&lt;/b&gt;: the sandbox and your saved connections (right-click one to connect, edit or delete it), then namespaces, databases and tables with their record counts.</source>
        <translation>&lt;b&gt;Explorateur&lt;/b&gt; : le bac à sable et vos connexions enregistrées (clic droit pour se connecter, modifier ou supprimer), puis espaces de noms, bases et tables avec leur nombre d’enregistrements.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Table browser&lt;/b&gt;: scroll through millions of records, filter and sort on the server, edit one field at a time, and inspect a record with its relations.</source>
        <translation>&lt;b&gt;Navigateur de table&lt;/b&gt; : faites défiler des millions d’enregistrements, filtrez et triez sur le serveur, modifiez un champ à la fois et inspectez un enregistrement avec ses relations.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Query console&lt;/b&gt;: SurrealQL with highlighting and completion, bound variables, history, and results as a table, a tree or text.</source>
        <translation>&lt;b&gt;Console de requêtes&lt;/b&gt; : SurrealQL avec coloration et complétion, variables liées, historique, et résultats en tableau, en arbre ou en texte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Migrations&lt;/b&gt;: File → Open migrations folder… previews each migration (its SurrealQL, and the schema before and after it), then applies or rolls it back, as &lt;code&gt;surrealqt migrate&lt;/code&gt; does.</source>
        <translation>&lt;b&gt;Migrations&lt;/b&gt; : Fichier → Ouvrir un dossier de migrations… montre chaque migration (son SurrealQL, et le schéma avant et après), puis l’applique ou l’annule, comme &lt;code&gt;surrealqt migrate&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live dashboards&lt;/b&gt;: File → New live dashboard; each panel follows one table through LIVE SELECT: its records, every notification, counters per action and the rate per second. Panels are kept for the next time.</source>
        <translation>&lt;b&gt;Tableaux de bord en direct&lt;/b&gt; : Fichier → Nouveau tableau de bord en direct ; chaque panneau suit une table par LIVE SELECT : ses enregistrements, chaque notification, des compteurs par action et le débit par seconde. Les panneaux sont conservés pour la fois suivante.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schema diagram&lt;/b&gt;: File → Schema diagram draws the tables with their fields, record links and relations; drag, undo, lay out, export as PNG or SVG. Editing the schema on the diagram is not here yet.</source>
        <translation>&lt;b&gt;Diagramme du schéma&lt;/b&gt; : Fichier → Diagramme du schéma dessine les tables avec leurs champs, liens d’enregistrement et relations ; déplacer, annuler, disposer, exporter en PNG ou SVG. Modifier le schéma sur le diagramme n’est pas encore possible.</translation>
    </message>
</context>
<context>
    <name>WebSocketHandshake</name>
    <message>
        <source>the server&apos;s handshake reply is over %1 KiB</source>
        <translation>la réponse de poignée de main du serveur dépasse %1 Kio</translation>
    </message>
    <message>
        <source>the server did not answer with HTTP</source>
        <translation>le serveur n’a pas répondu en HTTP</translation>
    </message>
    <message>
        <source>the server answered HTTP %1 instead of upgrading to WebSocket</source>
        <translation>le serveur a répondu HTTP %1 au lieu de passer en WebSocket</translation>
    </message>
    <message>
        <source>the server&apos;s reply has no Upgrade: websocket header</source>
        <translation>la réponse du serveur n’a pas d’en-tête Upgrade: websocket</translation>
    </message>
    <message>
        <source>the server&apos;s reply has no Connection: Upgrade header</source>
        <translation>la réponse du serveur n’a pas d’en-tête Connection: Upgrade</translation>
    </message>
    <message>
        <source>the server&apos;s Sec-WebSocket-Accept does not match the key sent</source>
        <translation>le Sec-WebSocket-Accept du serveur ne correspond pas à la clé envoyée</translation>
    </message>
    <message>
        <source>the server chose a WebSocket extension that was not offered</source>
        <translation>le serveur a choisi une extension WebSocket non proposée</translation>
    </message>
    <message>
        <source>the server chose the subprotocol &quot;%1&quot; instead of &quot;%2&quot;</source>
        <translation>le serveur a choisi le sous-protocole « %1 » au lieu de « %2 »</translation>
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
