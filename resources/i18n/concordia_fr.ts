<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Accessibility</name>
    <message>
        <source>Filter chapters and paragraphs</source>
        <translation>Filtrer les chapitres et les paragraphes</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Paragraphs opening with</source>
        <translation>Paragraphes commençant par</translation>
    </message>
    <message>
        <source>Search the instruments</source>
        <translation>Rechercher dans les instruments</translation>
    </message>
    <message>
        <source>Search in instrument</source>
        <translation>Rechercher dans l&apos;instrument</translation>
    </message>
    <message>
        <source>Search in part</source>
        <translation>Rechercher dans la partie</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Kind of link shown</source>
        <translation>Type de lien affiché</translation>
    </message>
    <message>
        <source>Corresponding units</source>
        <translation>Unités correspondantes</translation>
    </message>
    <message>
        <source>Go to citation</source>
        <translation>Aller à la citation</translation>
    </message>
    <message>
        <source>Citations matching what is typed</source>
        <translation>Citations correspondant à la saisie</translation>
    </message>
    <message>
        <source>Filter annotations</source>
        <translation>Filtrer les annotations</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Annotations to review</source>
        <translation>Annotations à revoir</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Category of the note</source>
        <translation>Catégorie de la note</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>Tags of the note</source>
        <translation>Étiquettes de la note</translation>
    </message>
    <message>
        <source>Current meeting</source>
        <translation>Réunion en cours</translation>
    </message>
    <message>
        <source>Where this wording was agreed</source>
        <translation>Où ce libellé a été adopté</translation>
    </message>
</context>
<context>
    <name>AgreedDock</name>
    <message>
        <source>Where was this agreed?</source>
        <translation>Où ce libellé a-t-il été adopté ?</translation>
    </message>
    <message>
        <source>&amp;Compare with the origin</source>
        <translation>&amp;Comparer avec l&apos;origine</translation>
    </message>
    <message>
        <source>Select words in a pane (or stand on a paragraph) and choose Edit ▸ Where was this agreed?</source>
        <translation>Sélectionnez des mots dans un volet (ou placez-vous sur un paragraphe) et choisissez Édition ▸ Où ce libellé a-t-il été adopté ?</translation>
    </message>
    <message>
        <source>The corpus could not be read: %s</source>
        <translation>Le corpus n&apos;a pas pu être lu : %s</translation>
    </message>
    <message>
        <source>“%s”: not found beyond common formulas.</source>
        <translation>« %s » : rien trouvé au-delà des formules courantes.</translation>
    </message>
    <message>
        <source>“%s”: 1 unit.</source>
        <translation>« %s » : 1 unité.</translation>
    </message>
    <message>
        <source>“%s”: %d units, oldest first.</source>
        <translation>« %s » : %d unités, de la plus ancienne à la plus récente.</translation>
    </message>
    <message>
        <source>%s · score %.2f</source>
        <translation>%s · score %.2f</translation>
    </message>
    <message>
        <source>&amp;Where was this agreed?</source>
        <translation>&amp;Où ce libellé a-t-il été adopté ?</translation>
    </message>
    <message>
        <source>Compare with %s</source>
        <translation>Comparer avec %s</translation>
    </message>
</context>
<context>
    <name>AnnotateCommands</name>
    <message>
        <source>Add or edit &amp;note</source>
        <translation>Ajouter ou modifier la &amp;note</translation>
    </message>
    <message>
        <source>&amp;Categories…</source>
        <translation>&amp;Catégories…</translation>
    </message>
    <message>
        <source>Highlight in %s</source>
        <translation>Surligner en « %s »</translation>
    </message>
    <message>
        <source>Select words, or click a paragraph, to highlight it.</source>
        <translation>Sélectionnez des mots, ou cliquez dans un paragraphe, pour le surligner.</translation>
    </message>
    <message>
        <source>Select words, or click a paragraph, to write a note.</source>
        <translation>Sélectionnez des mots, ou cliquez dans un paragraphe, pour écrire une note.</translation>
    </message>
    <message>
        <source>Edit this annotation&apos;s note</source>
        <translation>Modifier la note de cette annotation</translation>
    </message>
    <message>
        <source>Delete this highlight</source>
        <translation>Supprimer ce surlignage</translation>
    </message>
    <message>
        <source>&amp;Highlight in</source>
        <translation>&amp;Surligner en</translation>
    </message>
</context>
<context>
    <name>AnnotationOperations</name>
    <message>
        <source>highlight in %s</source>
        <translation>surlignage en « %s »</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>surlignage</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>modification de la note</translation>
    </message>
    <message>
        <source>recategorise as %s</source>
        <translation>passage en « %s »</translation>
    </message>
    <message>
        <source>uncategorise</source>
        <translation>retrait de la catégorie</translation>
    </message>
    <message>
        <source>change tags</source>
        <translation>modification des étiquettes</translation>
    </message>
    <message>
        <source>make private</source>
        <translation>passage en privé</translation>
    </message>
    <message>
        <source>make shared</source>
        <translation>passage en partagé</translation>
    </message>
    <message>
        <source>change annotation</source>
        <translation>modification de l&apos;annotation</translation>
    </message>
    <message>
        <source>delete annotation</source>
        <translation>suppression de l&apos;annotation</translation>
    </message>
    <message>
        <source>restore annotation</source>
        <translation>restauration de l&apos;annotation</translation>
    </message>
    <message>
        <source>add category %s</source>
        <translation>ajout de la catégorie « %s »</translation>
    </message>
    <message>
        <source>rename category %s</source>
        <translation>renommage de la catégorie « %s »</translation>
    </message>
    <message>
        <source>recolour category %s</source>
        <translation>changement de couleur de la catégorie « %s »</translation>
    </message>
    <message>
        <source>remove category %s</source>
        <translation>retrait de la catégorie « %s »</translation>
    </message>
    <message>
        <source>reorder categories</source>
        <translation>réordonnancement des catégories</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Filter: words of the quote or the note</source>
        <translation>Filtre : mots de la citation ou de la note</translation>
    </message>
    <message>
        <source>All instruments</source>
        <translation>Tous les instruments</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Toutes les réunions</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Tous les auteurs</translation>
    </message>
    <message>
        <source>Document order</source>
        <translation>Ordre du document</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Les plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Bring it back where it was (R)</source>
        <translation>La remettre où elle était (R)</translation>
    </message>
    <message>
        <source>Deleted annotations, newest first: nothing is lost until you decide.</source>
        <translation>Annotations supprimées, les plus récentes d&apos;abord : rien n&apos;est perdu tant que vous n&apos;avez pas décidé.</translation>
    </message>
    <message>
        <source>The corpus changed under these annotations. Each stays as it was until you decide: accept the new place (A), select another place in a pane and move it there (M), or archive it (X).</source>
        <translation>Le corpus a changé sous ces annotations. Chacune reste telle quelle jusqu&apos;à votre décision : accepter le nouvel emplacement (A), sélectionner un autre emplacement dans un volet et l&apos;y déplacer (M), ou l&apos;archiver (X).</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <source>&amp;Move to selection</source>
        <translation>&amp;Déplacer vers la sélection</translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <source>Annotations a colleague changed where you changed them too: both versions are kept until you choose (M keeps yours, T theirs).</source>
        <translation>Annotations qu&apos;un collègue a modifiées là où vous les avez modifiées aussi : les deux versions sont gardées jusqu&apos;à votre choix (M garde la vôtre, T la sienne).</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder la &amp;sienne</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>Copied %d annotations as a brief.</source>
        <translation>%d annotations copiées comme note d&apos;information.</translation>
    </message>
    <message>
        <source>Copied 1 annotation as a brief.</source>
        <translation>1 annotation copiée comme note d&apos;information.</translation>
    </message>
    <message>
        <source>&amp;Copy as a brief</source>
        <translation>&amp;Copier comme note d&apos;information</translation>
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation>&amp;Exporter la sélection…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <source>Review (%d)</source>
        <translation>À revoir (%d)</translation>
    </message>
    <message>
        <source>Conflicts (%d)</source>
        <translation>Conflits (%d)</translation>
    </message>
    <message>
        <source>%d shown</source>
        <translation>%d affichées</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <source>(whole paragraph)</source>
        <translation>(paragraphe entier)</translation>
    </message>
    <message>
        <source> — needs review</source>
        <translation> — à revoir</translation>
    </message>
    <message>
        <source>deleted %s UTC</source>
        <translation>supprimée le %s UTC</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privée</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Couleur…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. The first nine are Ctrl+1 … Ctrl+9, in this order. Changes apply at once; Ctrl+Z in the window undoes them.</source>
        <translation>Double-cliquez sur un nom pour le renommer. Les neuf premières sont Ctrl+1 … Ctrl+9, dans cet ordre. Les changements s&apos;appliquent aussitôt ; Ctrl+Z dans la fenêtre les annule.</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <source>Renamed “%s” to “%s”.</source>
        <translation>« %s » renommée en « %s ».</translation>
    </message>
    <message>
        <source>Colour of “%s”</source>
        <translation>Couleur de « %s »</translation>
    </message>
    <message>
        <source>Removed “%s”: %s now uncategorised, none deleted (Ctrl+Z in the window brings the category back).</source>
        <translation>« %s » retirée : %s désormais sans catégorie, aucune supprimée (Ctrl+Z dans la fenêtre rétablit la catégorie).</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 annotation</translation>
    </message>
    <message>
        <source>%d annotations</source>
        <translation>%d annotations</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%s&lt;/b&gt; changed into &lt;b&gt;%s&lt;/b&gt;: struck through is deleted, underlined is inserted.</source>
        <translation>&lt;b&gt;%s&lt;/b&gt; devenu &lt;b&gt;%s&lt;/b&gt; : le texte barré est supprimé, le texte souligné est ajouté.</translation>
    </message>
    <message>
        <source>&amp;Copy redline</source>
        <translation>&amp;Copier la version comparée</translation>
    </message>
    <message>
        <source>Copy as rich text (struck through, underlined) and as plain text ([-deleted-]{+inserted+})</source>
        <translation>Copier en texte enrichi (barré, souligné) et en texte brut ([-supprimé-]{+ajouté+})</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>mine: %s</source>
        <translation>la mienne : %s</translation>
    </message>
    <message>
        <source>theirs (%s): %s</source>
        <translation>la sienne (%s) : %s</translation>
    </message>
    <message>
        <source>no author</source>
        <translation>sans auteur</translation>
    </message>
    <message>
        <source>from %s</source>
        <translation>de %s</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>sans catégorie</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>sans note</translation>
    </message>
    <message>
        <source>on “%s”</source>
        <translation>sur « %s »</translation>
    </message>
</context>
<context>
    <name>CrashOffer</name>
    <message>
        <source>Concordia</source>
        <translation>Concordia</translation>
    </message>
    <message>
        <source>Concordia closed unexpectedly last time.</source>
        <translation>Concordia s&apos;est fermé de façon inattendue la dernière fois.</translation>
    </message>
    <message>
        <source>Your notes are safe: each one was saved when you made it. A report of what went wrong (no text of your notes) is in {path}. Show details to read or copy it.</source>
        <translation>Vos notes sont en sécurité : chacune a été enregistrée au moment où vous l&apos;avez faite. Un rapport sur l&apos;incident (sans le texte de vos notes) se trouve dans {path}. Affichez les détails pour le lire ou le copier.</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Repaired in this edition</source>
        <translation>Réparé dans cette édition</translation>
    </message>
    <message>
        <source>Kept as printed</source>
        <translation>Conservé tel qu&apos;imprimé</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Text of %s</source>
        <translation>Texte de %s</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Préambule</translation>
    </message>
    <message>
        <source>Operative part</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>Copier avec la citation</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
</context>
<context>
    <name>DraftActions</name>
    <message>
        <source>Import &amp;draft…</source>
        <translation>Importer un &amp;projet…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Compare &amp;revisions…</source>
        <translation>Comparer les &amp;révisions…</translation>
    </message>
    <message>
        <source>Export the agreed-language &amp;analysis…</source>
        <translation>Exporter l&apos;&amp;analyse du libellé agréé…</translation>
    </message>
    <message>
        <source>Re&amp;move this draft…</source>
        <translation>Re&amp;tirer ce projet…</translation>
    </message>
    <message>
        <source>Open an imported draft in the focused pane first</source>
        <translation>Ouvrez d&apos;abord un projet importé dans le volet actif</translation>
    </message>
    <message>
        <source>Imported %1 (revision %2).</source>
        <translation>%1 importé (révision %2).</translation>
    </message>
    <message>
        <source>New wording: no instrument of the library carries it.</source>
        <translation>Nouveau libellé : aucun instrument de la bibliothèque ne le contient.</translation>
    </message>
    <message>
        <source>No comparison: %s</source>
        <translation>Pas de comparaison : %s</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>Export the agreed-language analysis</source>
        <translation>Exporter l&apos;analyse du libellé agréé</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>Wrote the analysis of %1 to %2</source>
        <translation>Analyse de %1 écrite dans %2</translation>
    </message>
    <message>
        <source>It has no annotations.</source>
        <translation>Il n&apos;a pas d&apos;annotations.</translation>
    </message>
    <message>
        <source>Its annotation goes to the trash, where it can be restored.</source>
        <translation>Son annotation va dans la corbeille, d&apos;où elle peut être restaurée.</translation>
    </message>
    <message>
        <source>Its %1 annotations go to the trash, where they can be restored.</source>
        <translation>Ses %1 annotations vont dans la corbeille, d&apos;où elles peuvent être restaurées.</translation>
    </message>
    <message>
        <source>Remove this draft</source>
        <translation>Retirer ce projet</translation>
    </message>
    <message>
        <source>Remove “%1” and its earlier revisions from the library? %2 Importing the draft again brings its text back.</source>
        <translation>Retirer « %1 » et ses révisions antérieures de la bibliothèque ? %2 Importer de nouveau le projet en rétablit le texte.</translation>
    </message>
    <message>
        <source>Removed %1; its annotation is in the trash.</source>
        <translation>%1 retiré ; son annotation est dans la corbeille.</translation>
    </message>
    <message>
        <source>Removed %1; its %2 annotations are in the trash.</source>
        <translation>%1 retiré ; ses %2 annotations sont dans la corbeille.</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Non retiré</translation>
    </message>
</context>
<context>
    <name>DraftMarks</name>
    <message>
        <source>Agreed language</source>
        <translation>Libellé agréé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Partly agreed</source>
        <translation>Partiellement agréé</translation>
    </message>
    <message>
        <source>New wording</source>
        <translation>Nouveau libellé</translation>
    </message>
    <message>
        <source>In square brackets: not yet agreed</source>
        <translation>Entre crochets : pas encore agréé</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>S&amp;hare annotations…</source>
        <translation>Pa&amp;rtager les annotations…</translation>
    </message>
    <message>
        <source>&amp;Import annotations…</source>
        <translation>&amp;Importer des annotations…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Share annotations</source>
        <translation>Partager les annotations</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Document Word (.docx)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>Web page (.html)</source>
        <translation>Page web (.html)</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>any of these, separated by commas</source>
        <translation>l&apos;une de celles-ci, séparées par des virgules</translation>
    </message>
    <message>
        <source>part of the meeting&apos;s name</source>
        <translation>une partie du nom de la réunion</translation>
    </message>
    <message>
        <source>Include private annotations</source>
        <translation>Inclure les annotations privées</translation>
    </message>
    <message>
        <source>Print the whole paragraph around each quote</source>
        <translation>Imprimer le paragraphe entier autour de chaque citation</translation>
    </message>
    <message>
        <source>By instrument, in document order</source>
        <translation>Par instrument, dans l&apos;ordre du document</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>Par date</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Categories:
(none ticked: all)</source>
        <translation>Catégories :
(aucune cochée : toutes)</translation>
    </message>
    <message>
        <source>Instruments:
(none ticked: all)</source>
        <translation>Instruments :
(aucun coché : tous)</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Auteur :</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Ordre :</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>1 annotation will be exported</source>
        <translation>1 annotation sera exportée</translation>
    </message>
    <message>
        <source>%1 annotations will be exported</source>
        <translation>%1 annotations seront exportées</translation>
    </message>
    <message>
        <source>; 1 private one left out</source>
        <translation> ; 1 annotation privée laissée de côté</translation>
    </message>
    <message>
        <source>; %1 private ones left out</source>
        <translation> ; %1 annotations privées laissées de côté</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <source>Shared 1 annotation in %2</source>
        <translation>1 annotation partagée dans %2</translation>
    </message>
    <message>
        <source>Shared %1 annotations in %2</source>
        <translation>%1 annotations partagées dans %2</translation>
    </message>
    <message>
        <source>; 1 waiting in the review list was left out</source>
        <translation> ; 1 annotation en attente de révision laissée de côté</translation>
    </message>
    <message>
        <source>; %1 waiting in the review list were left out</source>
        <translation> ; %1 annotations en attente de révision laissées de côté</translation>
    </message>
    <message>
        <source>Building the brief…</source>
        <translation>Préparation de la note…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Exported 1 annotation to %2</source>
        <translation>1 annotation exportée vers %2</translation>
    </message>
    <message>
        <source>Exported %1 annotations to %2</source>
        <translation>%1 annotations exportées vers %2</translation>
    </message>
</context>
<context>
    <name>FirstRunDock</name>
    <message>
        <source>Getting started with Concordia</source>
        <translation>Premiers pas avec Concordia</translation>
    </message>
    <message>
        <source>&amp;Start reading</source>
        <translation>&amp;Commencer la lecture</translation>
    </message>
    <message>
        <source>Close this page (Help ▸ Getting started opens it again)</source>
        <translation>Fermer cette page (Aide ▸ Premiers pas la rouvre)</translation>
    </message>
    <message>
        <source>Read side by side</source>
        <translation>Lire côte à côte</translation>
    </message>
    <message>
        <source>Each pane shows an instrument: choose it in the pane&apos;s header. &lt;b&gt;%s&lt;/b&gt; adds a pane, up to four.</source>
        <translation>Chaque volet affiche un instrument : choisissez-le dans l&apos;en-tête du volet. &lt;b&gt;%s&lt;/b&gt; ajoute un volet, jusqu&apos;à quatre.</translation>
    </message>
    <message>
        <source>Follow a correspondence</source>
        <translation>Suivre une correspondance</translation>
    </message>
    <message>
        <source>Click a paragraph: the other panes show what corresponds to it, marked, “1 of 7”; &lt;b&gt;%s&lt;/b&gt; shows the next one.</source>
        <translation>Cliquez dans un paragraphe : les autres volets montrent ce qui lui correspond, marqué, « 1 sur 7 » ; &lt;b&gt;%s&lt;/b&gt; affiche la correspondance suivante.</translation>
    </message>
    <message>
        <source>Highlight in a category</source>
        <translation>Surligner dans une catégorie</translation>
    </message>
    <message>
        <source>Select words and press &lt;b&gt;%s&lt;/b&gt; … &lt;b&gt;%s&lt;/b&gt; for a category (Agreed language, Our position, Red line, …); &lt;b&gt;%s&lt;/b&gt; writes a note.</source>
        <translation>Sélectionnez des mots et appuyez sur &lt;b&gt;%s&lt;/b&gt; … &lt;b&gt;%s&lt;/b&gt; pour une catégorie (libellé convenu, notre position, ligne rouge…) ; &lt;b&gt;%s&lt;/b&gt; écrit une note.</translation>
    </message>
    <message>
        <source>Find where a wording was agreed</source>
        <translation>Trouver où un libellé a été adopté</translation>
    </message>
    <message>
        <source>Select a wording and press &lt;b&gt;%s&lt;/b&gt;: every instrument that carries it or a close variant, oldest first.</source>
        <translation>Sélectionnez un libellé et appuyez sur &lt;b&gt;%s&lt;/b&gt; : chaque instrument qui le contient, ou une variante proche, du plus ancien au plus récent.</translation>
    </message>
    <message>
        <source>Export a brief</source>
        <translation>Exporter une note de synthèse</translation>
    </message>
    <message>
        <source>&lt;b&gt;%s&lt;/b&gt; puts your highlights and notes into a brief in Word, PDF, HTML or Markdown, citations included.</source>
        <translation>&lt;b&gt;%s&lt;/b&gt; réunit vos surlignages et vos notes dans une note de synthèse en Word, PDF, HTML ou Markdown, avec les citations.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Help ▸ User guide (&lt;b&gt;%s&lt;/b&gt;) tells more; Help ▸ Keyboard shortcuts (&lt;b&gt;%s&lt;/b&gt;) lists every key.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aide ▸ Guide de l&apos;utilisateur (&lt;b&gt;%s&lt;/b&gt;) en dit plus ; Aide ▸ Raccourcis clavier (&lt;b&gt;%s&lt;/b&gt;) liste toutes les touches.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Welcome to Concordia</source>
        <translation>Bienvenue dans Concordia</translation>
    </message>
    <message>
        <source>The drug-policy instruments side by side, offline.</source>
        <translation>Les instruments de la politique en matière de drogues côte à côte, hors ligne.</translation>
    </message>
</context>
<context>
    <name>GoToPanel</name>
    <message>
        <source>Go to: “PoA 41 (g)”, “OP 19”, “UNGASS 1 (a)”, “74/178 PP 3”</source>
        <translation>Aller à : « PoA 41 (g) », « OP 19 », « UNGASS 1 (a) », « 74/178 PP 3 »</translation>
    </message>
    <message>
        <source>Type a citation; Enter goes there, Escape closes.</source>
        <translation>Tapez une citation ; Entrée y va, Échap ferme.</translation>
    </message>
    <message>
        <source>“%s” fits %d instruments: Enter goes to %s; ↓ and Enter for another.</source>
        <translation>« %s » convient à %d instruments : Entrée va à %s ; ↓ puis Entrée pour un autre.</translation>
    </message>
    <message>
        <source>Enter goes to %s.</source>
        <translation>Entrée va à %s.</translation>
    </message>
    <message>
        <source>Tab completes the selected citation.</source>
        <translation>Tab complète la citation sélectionnée.</translation>
    </message>
    <message>
        <source>Type a citation, for example {example}.</source>
        <translation>Tapez une citation, par exemple {example}.</translation>
    </message>
    <message>
        <source>{typed} exists in {names}. Name the instrument to pick one.</source>
        <translation>{typed} existe dans {names}. Nommez l&apos;instrument pour choisir.</translation>
    </message>
    <message>
        <source>“{typed}” names {names} but no paragraph: try “{typed} 1”.</source>
        <translation>« {typed} » nomme {names} mais aucun paragraphe : essayez « {typed} 1 ».</translation>
    </message>
    <message>
        <source>Could not read “{typed}” as a citation; try {example}.</source>
        <translation>Impossible de lire « {typed} » comme une citation ; essayez {example}.</translation>
    </message>
    <message>
        <source>{instrument} has no {where}.</source>
        <translation>{instrument} n&apos;a pas de {where}.</translation>
    </message>
    <message>
        <source>No instrument in the library has {where}.</source>
        <translation>Aucun instrument de la bibliothèque n&apos;a de {where}.</translation>
    </message>
    <message>
        <source>{instrument} has no {where}: “{typed}” cannot end there.</source>
        <translation>{instrument} n&apos;a pas de {where} : « {typed} » ne peut pas finir là.</translation>
    </message>
    <message>
        <source>Type a citation, for example “PoA 41 (g)”.</source>
        <translation>Tapez une citation, par exemple « PoA 41 (g) ».</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>A colleague&apos;s shared annotations (a .jsonld file). Nothing is overwritten: where you and they changed the same annotation, both versions are kept for you to choose.</source>
        <translation>Les annotations partagées d&apos;un collègue (un fichier .jsonld). Rien n&apos;est écrasé : là où vous avez tous deux modifié la même annotation, les deux versions sont gardées pour que vous choisissiez.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Shared annotations (*.jsonld *.json)</source>
        <translation>Annotations partagées (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Choisissez le fichier à importer.</translation>
    </message>
    <message>
        <source>Imported: %1 added</source>
        <translation>Importé : %1 ajoutées</translation>
    </message>
    <message>
        <source>%1 updated (changed only by your colleague)</source>
        <translation>%1 mises à jour (modifiées seulement par votre collègue)</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 inchangées</translation>
    </message>
    <message>
        <source>%1 kept (changed only by you)</source>
        <translation>%1 conservées (modifiées seulement par vous)</translation>
    </message>
    <message>
        <source>1 changed by both of you: both versions are kept on the conflicts list for you to choose</source>
        <translation>1 modifiée par vous deux : les deux versions sont gardées dans la liste des conflits pour que vous choisissiez</translation>
    </message>
    <message>
        <source>%1 changed by both of you: both versions are kept on the conflicts list for you to choose</source>
        <translation>%1 modifiées par vous deux : les deux versions sont gardées dans la liste des conflits pour que vous choisissiez</translation>
    </message>
</context>
<context>
    <name>ImportDraftDialog</name>
    <message>
        <source>Import draft</source>
        <translation>Importer un projet</translation>
    </message>
    <message>
        <source>A .docx, .pdf, .txt or .md file</source>
        <translation>Un fichier .docx, .pdf, .txt ou .md</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>d&apos;après le nom du fichier</translation>
    </message>
    <message>
        <source>from the draft&apos;s masthead</source>
        <translation>d&apos;après l&apos;en-tête du projet</translation>
    </message>
    <message>
        <source>e.g. E/CN.7/2025/L.5</source>
        <translation>p. ex. E/CN.7/2025/L.5</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>short forms you will type, separated by ; (e.g. L.5; our draft)</source>
        <translation>formes courtes que vous taperez, séparées par ; (p. ex. L.5; notre projet)</translation>
    </message>
    <message>
        <source>A new &amp;revision of the imported instrument with this id (annotations carried forward)</source>
        <translation>Une nouvelle &amp;révision de l&apos;instrument importé sous cet identifiant (annotations reportées)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Cote :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Short &amp;forms:</source>
        <translation>&amp;Formes courtes :</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>What was found:</source>
        <translation>Ce qui a été trouvé :</translation>
    </message>
    <message>
        <source>Choose the draft&apos;s file.</source>
        <translation>Choisissez le fichier du projet.</translation>
    </message>
    <message>
        <source>Cannot import: %s</source>
        <translation>Import impossible : %s</translation>
    </message>
    <message>
        <source>Ready to import as %s.</source>
        <translation>Prêt à importer sous %s.</translation>
    </message>
    <message numerus="yes">
        <source>Ready to import as %1; %n line(s) could not be placed (listed above, kept out).</source>
        <translation>
            <numerusform>Prêt à importer sous %1 ; %n ligne n&apos;a pu être placée (listée ci-dessus, laissée de côté).</numerusform>
            <numerusform>Prêt à importer sous %1 ; %n lignes n&apos;ont pu être placées (listées ci-dessus, laissées de côté).</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening formula: %s</source>
        <translation>Formule d&apos;ouverture : %s</translation>
    </message>
    <message>
        <source>No opening formula found.</source>
        <translation>Aucune formule d&apos;ouverture trouvée.</translation>
    </message>
    <message>
        <source>%1 preambular paragraphs, %2 operative paragraphs (%3 inserted), %4 subparagraphs, %5 headings, %6 footnotes</source>
        <translation>%1 alinéas du préambule, %2 paragraphes du dispositif (%3 insérés), %4 alinéas, %5 titres, %6 notes de bas de page</translation>
    </message>
    <message>
        <source>Agreed language: %1 agreed, %2 changed, %3 partly agreed, %4 new</source>
        <translation>Libellé agréé : %1 agréés, %2 modifiés, %3 partiellement agréés, %4 nouveaux</translation>
    </message>
    <message>
        <source>Could not place:</source>
        <translation>Impossible à placer :</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>cote</translation>
    </message>
    <message>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <source>committee</source>
        <translation>commission</translation>
    </message>
    <message>
        <source>agenda item</source>
        <translation>point de l&apos;ordre du jour</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>projet</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>distribution</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>agréé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>partly agreed</source>
        <translation>partiellement agréé</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>Not imported: %s</source>
        <translation>Non importé : %s</translation>
    </message>
</context>
<context>
    <name>LinksDock</name>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Show the links of one kind</source>
        <translation>Afficher les liens d&apos;un seul type</translation>
    </message>
    <message>
        <source>All kinds of link</source>
        <translation>Tous les types de lien</translation>
    </message>
    <message>
        <source>Click a paragraph to see what corresponds to it.</source>
        <translation>Cliquez dans un paragraphe pour voir ce qui lui correspond.</translation>
    </message>
    <message>
        <source>%s: the concordance table does not include %s.</source>
        <translation>%s : la table de concordance n&apos;inclut pas %s.</translation>
    </message>
    <message>
        <source>%s: no corresponding unit.</source>
        <translation>%s : aucune unité correspondante.</translation>
    </message>
    <message>
        <source>%s: 1 corresponding unit.</source>
        <translation>%s : 1 unité correspondante.</translation>
    </message>
    <message>
        <source>%s: %d corresponding units.</source>
        <translation>%s : %d unités correspondantes.</translation>
    </message>
    <message>
        <source>%d shown.</source>
        <translation>%d affichés.</translation>
    </message>
</context>
<context>
    <name>LinksModel</name>
    <message>
        <source>concordance table</source>
        <translation>table de concordance</translation>
    </message>
    <message>
        <source>agreed wording</source>
        <translation>libellé convenu</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>indirect</translation>
    </message>
    <message>
        <source>the same words</source>
        <translation>les mêmes mots</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>partly shared</source>
        <translation>en partie commun</translation>
    </message>
    <message>
        <source>through %s</source>
        <translation>via %s</translation>
    </message>
    <message>
        <source>table:</source>
        <translation>table :</translation>
    </message>
    <message>
        <source>%s, score %.2f</source>
        <translation>%s, score %.2f</translation>
    </message>
    <message>
        <source>“%s”, line %d</source>
        <translation>« %s », ligne %d</translation>
    </message>
    <message>
        <source>%s: no counterpart</source>
        <translation>%s : pas d&apos;équivalent</translation>
    </message>
    <message>
        <source>the concordance table says %s</source>
        <translation>la table de concordance indique %s</translation>
    </message>
    <message>
        <source>%s: not covered</source>
        <translation>%s : non couvert</translation>
    </message>
    <message>
        <source>no link relates anything here to this unit</source>
        <translation>aucun lien ne rattache rien ici à cette unité</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Premiers pas</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Concordia</source>
        <translation>Concordia</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>A&amp;nnoter</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Volets</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Concordia</source>
        <translation>À pr&amp;opos de Concordia</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Copy with &amp;citation</source>
        <translation>Copier avec la &amp;citation</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Chapters</source>
        <translation>&amp;Chapitres</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>&amp;Liens</translation>
    </message>
    <message>
        <source>&amp;Search results</source>
        <translation>Rés&amp;ultats de recherche</translation>
    </message>
    <message>
        <source>A&amp;nnotations</source>
        <translation>A&amp;nnotations</translation>
    </message>
    <message>
        <source>&amp;Find a chapter</source>
        <translation>Trouver un chap&amp;itre</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;vancer</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Aller à…</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>Re&amp;chercher…</translation>
    </message>
    <message>
        <source>&amp;Next unit</source>
        <translation>Unité &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous unit</source>
        <translation>Unité &amp;précédente</translation>
    </message>
    <message>
        <source>Next &amp;heading</source>
        <translation>&amp;Titre suivant</translation>
    </message>
    <message>
        <source>Previous h&amp;eading</source>
        <translation>Titr&amp;e précédent</translation>
    </message>
    <message>
        <source>Next &amp;corresponding unit</source>
        <translation>C&amp;orrespondance suivante</translation>
    </message>
    <message>
        <source>Previous c&amp;orresponding unit</source>
        <translation>Correspondance précéde&amp;nte</translation>
    </message>
    <message>
        <source>&amp;Add a pane</source>
        <translation>&amp;Ajouter un volet</translation>
    </message>
    <message>
        <source>&amp;Close this pane</source>
        <translation>&amp;Fermer ce volet</translation>
    </message>
    <message>
        <source>Move pane &amp;left</source>
        <translation>Déplacer le volet à &amp;gauche</translation>
    </message>
    <message>
        <source>Move pane &amp;right</source>
        <translation>Déplacer le volet à &amp;droite</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>Volet &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>Volet &amp;précédent</translation>
    </message>
    <message>
        <source>C&amp;hoose instrument…</source>
        <translation>C&amp;hoisir l&apos;instrument…</translation>
    </message>
    <message>
        <source>N&amp;ext instrument</source>
        <translation>Instrument suiva&amp;nt</translation>
    </message>
    <message>
        <source>Pre&amp;vious instrument</source>
        <translation>Instrument précéd&amp;ent</translation>
    </message>
    <message>
        <source>Lin&amp;k or unlink this pane</source>
        <translation>&amp;Lier ou délier ce volet</translation>
    </message>
    <message>
        <source>Four panes are open, the most the window shows: close one (Ctrl+W) to open another.</source>
        <translation>Quatre volets sont ouverts, le maximum que la fenêtre affiche : fermez-en un (Ctrl+W) pour en ouvrir un autre.</translation>
    </message>
    <message>
        <source>Select the new place in a pane first, then Move.</source>
        <translation>Sélectionnez d&apos;abord le nouvel emplacement dans un volet, puis Déplacer.</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>Imprimer {title}</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
</context>
<context>
    <name>MeetingField</name>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>The meeting stamped on every new highlight and note</source>
        <translation>La réunion inscrite sur chaque nouveau surlignage et chaque nouvelle note</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Write a note (Markdown: **bold**, *italic*, - lists)</source>
        <translation>Écrivez une note (Markdown : **gras**, *italique*, - listes)</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Left out of shared exports and briefs unless asked for</source>
        <translation>Laissée de côté dans les partages et les notes de synthèse, sauf demande</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <source>Select an annotation, or select words in a pane and press Ctrl+N.</source>
        <translation>Sélectionnez une annotation, ou sélectionnez des mots dans un volet et appuyez sur Ctrl+N.</translation>
    </message>
    <message>
        <source>Typing…</source>
        <translation>Saisie…</translation>
    </message>
    <message>
        <source>Not saved yet — kept here, trying again</source>
        <translation>Pas encore enregistrée — gardée ici, nouvel essai en cours</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Filter chapters and paragraphs</source>
        <translation>Filtrer les chapitres et les paragraphes</translation>
    </message>
    <message>
        <source>Only the paragraphs that open with this verb or participle</source>
        <translation>Seulement les paragraphes qui commencent par ce verbe ou ce participe</translation>
    </message>
    <message>
        <source>Any opening</source>
        <translation>Toute ouverture</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Preamble (%d)</source>
        <translation>Préambule (%d)</translation>
    </message>
    <message>
        <source>Operative part (%d)</source>
        <translation>Dispositif (%d)</translation>
    </message>
</context>
<context>
    <name>PaneHeader</name>
    <message>
        <source>The instrument in this pane (Ctrl+O)</source>
        <translation>L&apos;instrument de ce volet (Ctrl+O)</translation>
    </message>
    <message>
        <source>Instrument in this pane</source>
        <translation>Instrument de ce volet</translation>
    </message>
    <message>
        <source>Pane menu: move this pane left or right, close it</source>
        <translation>Menu du volet : déplacer ce volet à gauche ou à droite, le fermer</translation>
    </message>
    <message>
        <source>Pane menu</source>
        <translation>Menu du volet</translation>
    </message>
    <message>
        <source>Move pane &amp;left</source>
        <translation>Déplacer à &amp;gauche</translation>
    </message>
    <message>
        <source>Move pane &amp;right</source>
        <translation>Déplacer à &amp;droite</translation>
    </message>
    <message>
        <source>&amp;Close pane</source>
        <translation>&amp;Fermer le volet</translation>
    </message>
    <message>
        <source>Close this pane</source>
        <translation>Fermer ce volet</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <source>The system&apos;s colours</source>
        <translation>Les couleurs du système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claire</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>%d %%</source>
        <translation>%d %%</translation>
    </message>
    <message>
        <source>Where I left off</source>
        <translation>Là où je me suis arrêté</translation>
    </message>
    <message>
        <source>UNGASS 2016 beside the Plan of Action</source>
        <translation>UNGASS 2016 à côté du Plan d&apos;action</translation>
    </message>
    <message>
        <source>your name, written into new notes</source>
        <translation>votre nom, inscrit dans les nouvelles notes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation>Taille du te&amp;xte :</translation>
    </message>
    <message>
        <source>At &amp;start, open:</source>
        <translation>Au &amp;démarrage, ouvrir :</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Auteur :</translation>
    </message>
    <message>
        <source>Current &amp;meeting:</source>
        <translation>&amp;Réunion en cours :</translation>
    </message>
    <message>
        <source>A new language shows the next time Concordia starts.</source>
        <translation>Une nouvelle langue s&apos;affiche au prochain démarrage de Concordia.</translation>
    </message>
    <message>
        <source>The author and the meeting are kept with your notes (the same as “concordia notes config”).</source>
        <translation>L&apos;auteur et la réunion sont gardés avec vos notes (les mêmes que « concordia notes config »).</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Recover your notes</source>
        <translation>Récupérer vos notes</translation>
    </message>
    <message>
        <source>Your notes database is damaged. Choose the backup to start from: every note still readable in the damaged file is kept on top of it, and the damaged file is set aside, not deleted.</source>
        <translation>Votre base de notes est endommagée. Choisissez la sauvegarde de départ : chaque note encore lisible dans le fichier endommagé est conservée par-dessus, et le fichier endommagé est mis de côté, pas supprimé.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <source>%s — damaged too, cannot be used</source>
        <translation>%s — endommagée aussi, inutilisable</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 annotation</translation>
    </message>
    <message>
        <source>%d annotations</source>
        <translation>%d annotations</translation>
    </message>
    <message>
        <source>No backup: keep every note still readable in the damaged file</source>
        <translation>Sans sauvegarde : garder chaque note encore lisible dans le fichier endommagé</translation>
    </message>
</context>
<context>
    <name>Restart</name>
    <message>
        <source>Concordia</source>
        <translation>Concordia</translation>
    </message>
    <message>
        <source>Concordia shows a new language when it starts. Start it again now in %s? Your notes are saved and it opens where you are.</source>
        <translation>Concordia affiche une nouvelle langue à son démarrage. Le redémarrer maintenant en %s ? Vos notes sont enregistrées et il s&apos;ouvre là où vous êtes.</translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation>Redémarrer &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>Concordia could not be started again: the new language shows the next time you start it.</source>
        <translation>Concordia n&apos;a pas pu être redémarré : la nouvelle langue s&apos;affichera au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Review…</source>
        <translation>Revoir…</translation>
    </message>
    <message>
        <source>The corpus changed: 1 annotation needs your review. It stays as it was until you decide.</source>
        <translation>Le corpus a changé : 1 annotation est à revoir. Elle reste telle quelle jusqu&apos;à votre décision.</translation>
    </message>
    <message>
        <source>The corpus changed: %d annotations need your review. Each stays as it was until you decide.</source>
        <translation>Le corpus a changé : %d annotations sont à revoir. Chacune reste telle quelle jusqu&apos;à votre décision.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>was: “%s”</source>
        <translation>avant : « %s »</translation>
    </message>
    <message>
        <source>now: “%s” — %s</source>
        <translation>maintenant : « %s » — %s</translation>
    </message>
    <message>
        <source>no candidate place: move or archive it</source>
        <translation>aucun emplacement possible : déplacez-la ou archivez-la</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Compare revisions of %s</source>
        <translation>Comparer les révisions de %s</translation>
    </message>
    <message>
        <source>Earlier revision</source>
        <translation>Révision antérieure</translation>
    </message>
    <message>
        <source>Revision %d</source>
        <translation>Révision %d</translation>
    </message>
    <message>
        <source>&amp;Compare the current revision with:</source>
        <translation>&amp;Comparer la révision actuelle avec :</translation>
    </message>
    <message>
        <source>&amp;Only what changed</source>
        <translation>&amp;Seulement ce qui a changé</translation>
    </message>
    <message>
        <source>Paragraphs of the two revisions</source>
        <translation>Paragraphes des deux révisions</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy as rich text (struck through, underlined) and as plain text ([-deleted-]{+inserted+})</source>
        <translation>Copier en texte enrichi (barré, souligné) et en texte brut ([-supprimé-]{+inséré+})</translation>
    </message>
    <message>
        <source>Revision %1 (%2) → revision %3 (%4): %5 the same, %6 changed, %7 new, %8 deleted. Paragraphs are paired by their words, not their numbers.</source>
        <translation>Révision %1 (%2) → révision %3 (%4) — identiques : %5 ; modifiés : %6 ; nouveaux : %7 ; supprimés : %8. Les paragraphes sont appariés par leurs mots, non par leurs numéros.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (anciennement %2)</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search all instruments</source>
        <translation>Rechercher dans tous les instruments</translation>
    </message>
    <message>
        <source>Words (all of them), &quot;a phrase&quot; in quotes, word* for words that begin so</source>
        <translation>Des mots (tous requis), &quot;une expression&quot; entre guillemets, mot* pour les mots qui commencent ainsi</translation>
    </message>
    <message>
        <source>All instruments</source>
        <translation>Tous les instruments</translation>
    </message>
    <message>
        <source>Whole text</source>
        <translation>Tout le texte</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>Préambule</translation>
    </message>
    <message>
        <source>Operative part</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Notes and highlights</source>
        <translation>Notes et surlignages</translation>
    </message>
    <message>
        <source>Only paragraphs that open with this verb or participle; with no words typed, all of them</source>
        <translation>Seulement les paragraphes qui commencent par ce verbe ou ce participe ; sans mots tapés, tous ceux-là</translation>
    </message>
    <message>
        <source>Any opening</source>
        <translation>Toute ouverture</translation>
    </message>
    <message>
        <source>Type words to search for.</source>
        <translation>Tapez les mots à rechercher.</translation>
    </message>
    <message>
        <source>Nothing found for “%s”.</source>
        <translation>Rien trouvé pour « %s ».</translation>
    </message>
    <message>
        <source>1 result.</source>
        <translation>1 résultat.</translation>
    </message>
    <message>
        <source>The best %d results.</source>
        <translation>Les %d meilleurs résultats.</translation>
    </message>
    <message>
        <source>%d results.</source>
        <translation>%d résultats.</translation>
    </message>
</context>
<context>
    <name>SelectionPalette</name>
    <message>
        <source>Highlight in %s (Ctrl+%d)</source>
        <translation>Surligner en « %s » (Ctrl+%d)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add a note to the selection (Ctrl+N)</source>
        <translation>Ajouter une note à la sélection (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Type a command or a key (e.g. note, Ctrl+L)</source>
        <translation>Tapez une commande ou une touche (par ex. note, Ctrl+L)</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation>Les commandes et leurs touches</translation>
    </message>
    <message>
        <source>%d of %d commands</source>
        <translation>%d commandes sur %d</translation>
    </message>
</context>
<context>
    <name>StoreBar</name>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Récupérer…</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>%s Reading goes on; a note you type stays in its editor until it can be saved.</source>
        <translation>%s La lecture continue ; une note que vous tapez reste dans son éditeur jusqu&apos;à ce qu&apos;elle puisse être enregistrée.</translation>
    </message>
    <message>
        <source>Your notes database is damaged; it was left as it was.</source>
        <translation>Votre base de notes est endommagée ; elle a été laissée telle quelle.</translation>
    </message>
    <message>
        <source>Your notes database was written by a newer Concordia; it was left as it was.</source>
        <translation>Votre base de notes a été écrite par une version plus récente de Concordia ; elle a été laissée telle quelle.</translation>
    </message>
    <message>
        <source>The notes file is not a Concordia notes database; it was left as it was.</source>
        <translation>Le fichier de notes n&apos;est pas une base de notes de Concordia ; il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>Your notes database was replaced by a recovery.</source>
        <translation>Votre base de notes a été remplacée par une récupération.</translation>
    </message>
    <message>
        <source>Your notes are in use by another window or program; nothing was changed.</source>
        <translation>Vos notes sont utilisées par une autre fenêtre ou un autre programme ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Your notes could not be written (the disk is full or read-only); nothing was changed.</source>
        <translation>Vos notes n&apos;ont pas pu être écrites (disque plein ou en lecture seule) ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Your notes database cannot be opened; it was left as it was.</source>
        <translation>Votre base de notes ne peut pas être ouverte ; elle a été laissée telle quelle.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Previous corresponding unit (Shift+F8)</source>
        <translation>Correspondance précédente (Maj+F8)</translation>
    </message>
    <message>
        <source>Next corresponding unit (F8)</source>
        <translation>Correspondance suivante (F8)</translation>
    </message>
    <message>
        <source>Linked: this pane follows the pane you read in (Ctrl+K unlinks it)</source>
        <translation>Lié : ce volet suit le volet où vous lisez (Ctrl+K le délie)</translation>
    </message>
    <message>
        <source>Not linked: this pane stays where it is (Ctrl+K links it)</source>
        <translation>Non lié : ce volet reste où il est (Ctrl+K le lie)</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Lié</translation>
    </message>
    <message>
        <source>follows the pane you read in</source>
        <translation>suit le volet où vous lisez</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non lié</translation>
    </message>
    <message>
        <source>stays where it is</source>
        <translation>reste où il est</translation>
    </message>
    <message>
        <source>Leading</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Indirect: %s through %s</source>
        <translation>Indirect : %s par %s</translation>
    </message>
    <message>
        <source>for %s</source>
        <translation>pour %s</translation>
    </message>
    <message>
        <source>table: %s</source>
        <translation>table : %s</translation>
    </message>
    <message>
        <source>agreed wording: %s</source>
        <translation>libellé convenu : %s</translation>
    </message>
    <message>
        <source>%d of %d</source>
        <translation>%d sur %d</translation>
    </message>
    <message>
        <source>“%s” (line %d)</source>
        <translation>« %s » (ligne %d)</translation>
    </message>
    <message>
        <source>No counterpart</source>
        <translation>Pas d&apos;équivalent</translation>
    </message>
    <message>
        <source>the concordance table says %s for %s</source>
        <translation>la table de concordance indique %s pour %s</translation>
    </message>
    <message>
        <source>Same instrument</source>
        <translation>Même instrument</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>Non couvert</translation>
    </message>
    <message>
        <source> (through %s)</source>
        <translation> (par %s)</translation>
    </message>
    <message>
        <source> (cited as part of %s)</source>
        <translation> (cité comme partie de %s)</translation>
    </message>
    <message>
        <source>the concordance table does not include %s</source>
        <translation>la table de concordance n&apos;inclut pas %s</translation>
    </message>
    <message>
        <source>%s is a heading: the concordance table relates paragraphs</source>
        <translation>%s est un titre : la table de concordance relie des paragraphes</translation>
    </message>
    <message>
        <source>%s is not a paragraph: the concordance table relates paragraphs</source>
        <translation>%s n&apos;est pas un paragraphe : la table de concordance relie des paragraphes</translation>
    </message>
    <message>
        <source>the links relate %s only to %s</source>
        <translation>les liens ne rattachent %s qu&apos;à %s</translation>
    </message>
    <message>
        <source>%s is not in the concordance table</source>
        <translation>%s ne figure pas dans la table de concordance</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Concordia user guide</source>
        <translation>Guide de l&apos;utilisateur de Concordia</translation>
    </message>
    <message>
        <source>Pages of the guide</source>
        <translation>Pages du guide</translation>
    </message>
    <message>
        <source>Guide page</source>
        <translation>Page du guide</translation>
    </message>
    <message>
        <source>The guide is not installed with this copy of Concordia.</source>
        <translation>Le guide n&apos;est pas installé avec cet exemplaire de Concordia.</translation>
    </message>
    <message>
        <source>This guide works offline; the link points to %s</source>
        <translation>Ce guide fonctionne hors ligne ; le lien mène à %s</translation>
    </message>
</context>
<context>
    <name>ZoomIndicator</name>
    <message>
        <source>Text size of the panes: Ctrl++ larger, Ctrl+- smaller; click or Ctrl+0 for 100 %</source>
        <translation>Taille du texte des volets : Ctrl++ plus grand, Ctrl+- plus petit ; cliquez ou Ctrl+0 pour 100 %</translation>
    </message>
    <message>
        <source>Zoom %d %%</source>
        <translation>Zoom %d %%</translation>
    </message>
</context>
</TS>
