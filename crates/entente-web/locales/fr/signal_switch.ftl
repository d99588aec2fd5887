action-field-signal = Signal anonyme
action-form-signal-hint = Une action privée ou réservée à une alliance peut laisser voir aux autres seulement son type, ses publics, ses États et son mois, et leur permettre de demander une mise en relation par Entente. Laissé au réglage de l’organisation, il suit le choix de ses administrateurs.
action-signal-default = Selon le réglage de l’organisation
action-signal-on = Activé : émettre un signal anonyme
action-signal-off = Désactivé : aucun signal
action-error-signal-public-action = Une action publique est visible en entier : choisissez « désactivé » ou le réglage de l’organisation.
