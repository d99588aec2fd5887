# La fiche pays : une page à imprimer par État.
state-brief-link = Fiche pays, à imprimer ou enregistrer en PDF
brief-title = Fiche pays : { $name }
brief-back = Page complète : { $name }
brief-print-hint = Pour imprimer cette fiche ou l’enregistrer en PDF, utilisez la commande Imprimer de votre navigateur (Ctrl+P, ou ⌘P sur Mac). La navigation n’est pas imprimée.
brief-kicker = Fiche pays sur l’OPCAT
brief-produced = Établie le { $date } à { $time } UTC
brief-as-of = Situation au { $date }
brief-reader-public = Édition publique : seuls les enregistrements que leurs propriétaires ont rendus publics.
brief-reader-member = Comprend ce que vos organisations et alliances peuvent voir, dont des éléments non publics : à diffuser avec prudence.
brief-demo-mark = Données de démonstration.
brief-demo = Certains enregistrements de cette fiche ont été inventés par la commande entente demo pour montrer le fonctionnement d’Entente : ils ne décrivent rien de réel.
brief-status-heading = Situation conventionnelle et échéances
brief-npm-heading = Mécanisme national de prévention
brief-npm-records = Selon les enregistrements de la coalition
brief-assessment-heading = Évaluation au regard des critères de l’OPCAT, par point de vue
brief-spt-heading = Visites du SPT et suivi
brief-actions-heading = Ce que fait la coalition
brief-actions-caption = { $count ->
    [0] Aucune action de la coalition visible pour vous du { $start } au { $end }.
    [one] Une action du { $start } au { $end }.
   *[other] { $count } actions du { $start } au { $end }.
}
brief-col-action = Action
brief-col-status = État
brief-gaps-heading = Lacunes et échéances
brief-gaps-none = Aucune lacune : le plan couvre ce que le guide recommande à ce stade pour les six prochains mois.
brief-col-missing = Ce que personne ne prévoit
brief-col-why = Pourquoi c’est important
brief-col-severity = Gravité
brief-rows-cut = Seuls les { $count } premiers sur { $total } sont listés.
brief-board-link = Tableau de coordination pour cet État
brief-actions-link = Toutes les actions de ces mois
brief-sources-heading = Sources et dates
brief-colophon = Établie par Entente à partir de la Collection des traités des Nations Unies, des sources publiques sur les MNP et des enregistrements partagés de la coalition. La note de chaque point de vue est citée telle quelle, jamais moyennée.
