# Import de recommandations depuis un tableur, et recommandations ouvertes
# qu’aucune action ne porte, sur le tableau de coordination.
recimport-title = Importer des recommandations · { $name }
recimport-heading = Importer des recommandations depuis un tableur
recimport-lead = Déposez un fichier CSV ou un classeur XLSX des recommandations que suit cette organisation : une ligne par recommandation, avec l’État, l’organe qui l’a formulée (SPT, Comité contre la torture, EPU, CPT, Commission interaméricaine ou africaine, MNP), le document source, le texte et, si vous les avez, ses thèmes, son état de suivi et qui peut la voir. Entente lit d’abord toutes les lignes et montre ce qu’il a trouvé ; rien n’est enregistré avant l’import, et alors toutes les lignes sont enregistrées ou aucune. Sans visibilité indiquée, une recommandation reste privée à cette organisation.
recimport-done = { $count ->
    [one] Une recommandation a été importée. La lecture des colonnes de ce fichier est retenue pour votre prochain import.
   *[other] { $count } recommandations ont été importées. La lecture des colonnes de ce fichier est retenue pour votre prochain import.
}
recimport-done-link = Voir les recommandations
recs-import = Importer depuis un tableur pour { $name }
unpushed-heading = Recommandations qu’aucune action ne porte
unpushed-lead = Recommandations ouvertes (ni mises en œuvre ni refusées) auxquelles aucune action prévue, en cours ou réalisée que vous pouvez voir n’est liée. Liez une action à une recommandation depuis sa page dès que quelqu’un s’en saisit.
unpushed-none = Chaque recommandation ouverte que vous pouvez voir est portée par au moins une action.
unpushed-caption = Recommandations ouvertes sans action, par État
unpushed-col-body = Organe
unpushed-col-source = Source
unpushed-col-recommendation = Recommandation
unpushed-col-status = Suivi
