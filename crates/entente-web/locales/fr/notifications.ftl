nav-notifications = Notifications
notifications-title = Notifications
notifications-intro = Ce que le tableau de coordination a relevé pour vos organisations : les chevauchements avec vos actions, les lacunes dans les États où vous travaillez, les échéances de ces États et de vos actions. Chaque constat n’apparaît qu’une fois, le jour où il est relevé.
notifications-empty = Rien pour l’instant. Les nouveaux chevauchements, lacunes et échéances qui concernent vos organisations s’afficheront ici.
notifications-looked = Derniers constats rassemblés le { $date } à { $time } UTC. La liste est mise à jour quelques minutes après chaque changement du plan, et chaque jour.
notifications-not-looked = Vos constats n’ont pas encore été rassemblés : ils apparaîtront ici d’ici quelques minutes.
notifications-unread-count = { $count ->
    [one] 1 non lue
   *[other] { $count } non lues
}
notifications-show-unread = Non lues seulement
notifications-show-all = Toutes
notifications-filter-label = Afficher
notifications-mark-read = Marquer comme lue
notifications-mark-all-read = Tout marquer comme lu
notifications-col-found = Relevée le
notifications-col-kind = Type
notifications-col-state = État
notifications-col-what = Constat
notifications-col-actions = Actions
notifications-col-status = Statut
notifications-status-unread = Non lue
notifications-status-read = Lue
notifications-kind-overlap = Chevauchement
notifications-kind-gap = Lacune
notifications-kind-deadline = Échéance
notifications-days-apart = { $count ->
    [0] Leurs dates se chevauchent
    [one] À 1 jour d’écart
   *[other] À { $count } jours d’écart
}
notifications-overdue-since = En retard depuis le { $date }
notifications-preferences-link = Réglages du récapitulatif par courriel
notifications-feed-title = Calendrier des échéances
notifications-feed-intro = Pour suivre les échéances dans votre agenda, abonnez-vous à cette adresse en y ajoutant un jeton d’API (un jeton de lecture suffit), à créer depuis la page de votre compte :
notifications-preferences-title = Récapitulatif par courriel
notifications-preferences-intro = Recevez par courriel, chaque jour ou chaque semaine, les nouveaux chevauchements, lacunes et échéances qui concernent vos organisations. Le récapitulatif reste désactivé tant que vous ne l’activez pas.
notifications-digest-legend = Fréquence
notifications-digest-off = Jamais (la liste sur le site suffit)
notifications-digest-daily = Chaque jour
notifications-digest-weekly = Chaque semaine
notifications-language-label = Langue des courriels
notifications-save = Enregistrer
notifications-saved = Vos réglages sont enregistrés.
notifications-mail-subject-off = Entente : les nouveautés qui vous concernent
notifications-mail-subject-daily = Entente : les nouveautés du jour qui vous concernent
notifications-mail-subject-weekly = Entente : les nouveautés de la semaine qui vous concernent
notifications-mail-intro = { $count ->
    [one] Le tableau de coordination a relevé 1 nouveauté qui concerne vos organisations.
   *[other] Le tableau de coordination a relevé { $count } nouveautés qui concernent vos organisations.
}
notifications-mail-section-overlap = { $count ->
    [one] 1 chevauchement avec vos actions
   *[other] { $count } chevauchements avec vos actions
}
notifications-mail-section-gap = { $count ->
    [one] 1 lacune dans les États où vous travaillez
   *[other] { $count } lacunes dans les États où vous travaillez
}
notifications-mail-section-deadline = { $count ->
    [one] 1 échéance
   *[other] { $count } échéances
}
notifications-mail-more = { $count ->
    [one] …et 1 autre, à voir sur le site.
   *[other] …et { $count } autres, à voir sur le site.
}
notifications-mail-list = Tout voir sur Entente
notifications-mail-preferences = Changer la fréquence de ce courriel, ou ne plus le recevoir
