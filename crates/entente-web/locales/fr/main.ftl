## Site chrome

site-name = Entente
site-tagline = Campagne pour le Protocole facultatif se rapportant à la Convention contre la torture
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
nav-dashboard = Tableau de bord OPCAT
nav-treaties = Traités
nav-api = API JSON
lang-switch-label = Langue
as-of-legend = Date de la situation
as-of-label = Situation au
as-of-submit = Afficher
as-of-today = Aujourd’hui
as-of-showing = Situation au { $date }.

## Footer

footer-credits-heading = Données et crédits
footer-untc = État des traités : Collection des traités des Nations Unies, situation au { $date }.
footer-untc-undated = État des traités : Collection des traités des Nations Unies.
footer-countries = Noms, codes et régions M49 des pays : datasets/country-codes (Division de statistique de l’ONU, UNTERM).
footer-groups = Groupes régionaux de l’ONU : liste publiée par openclimatedata/countrygroups.
footer-map = Carte : Natural Earth, via world-atlas.
footer-npm = Informations sur les mécanismes nationaux de prévention compilées à partir du HCDH, de l’Association pour la prévention de la torture (APT) et de sources nationales.
footer-sources-summary = { $count ->
    [one] La source des faits présentés (1)
   *[other] Les { $count } sources des faits présentés
}
footer-source-as-of = situation au { $date }
footer-about = Entente est un logiciel libre de coordination de la campagne pour l’OPCAT. Les frontières de la carte n’impliquent aucune prise de position quant au statut juridique d’un territoire.

## Dates and durations

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
duration-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
duration-months = { $count } mois
duration-years-months = { $years } et { $months }
duration-under-month = moins d’un mois

## OPCAT stages

stage-not-cat-party = Non partie à la CAT
stage-cat-party-not-signed = Partie à la CAT, OPCAT non signé
stage-signatory = Signataire
stage-party-npm-pending = Partie, MNP pas encore désigné
stage-npm-designated = MNP désigné
stage-npm-operating = MNP en activité
stage-npm-meets-criteria = MNP conforme aux critères de l’OPCAT
stage-none = Pas de données
stage-number = Étape { $number } sur 7

## UN regional groups

group-african = Groupe des États d’Afrique
group-asia-pacific = Groupe des États d’Asie et du Pacifique
group-eastern-european = Groupe des États d’Europe orientale
group-grulac = Groupe des États d’Amérique latine et des Caraïbes (GRULAC)
group-weog = Groupe des États d’Europe occidentale et autres États (WEOG)
group-none = Aucun groupe régional

## M49 regions and sub-regions

m49-002 = Afrique
m49-019 = Amériques
m49-142 = Asie
m49-150 = Europe
m49-009 = Océanie
m49-015 = Afrique du Nord
m49-202 = Afrique subsaharienne
m49-014 = Afrique orientale
m49-017 = Afrique centrale
m49-018 = Afrique australe
m49-011 = Afrique de l’Ouest
m49-419 = Amérique latine et Caraïbes
m49-029 = Caraïbes
m49-013 = Amérique centrale
m49-005 = Amérique du Sud
m49-021 = Amérique du Nord
m49-143 = Asie centrale
m49-030 = Asie de l’Est
m49-035 = Asie du Sud-Est
m49-034 = Asie du Sud
m49-145 = Asie de l’Ouest
m49-151 = Europe orientale
m49-154 = Europe du Nord
m49-039 = Europe du Sud
m49-155 = Europe de l’Ouest
m49-053 = Australie et Nouvelle-Zélande
m49-054 = Mélanésie
m49-057 = Micronésie
m49-061 = Polynésie

## Treaties

treaty-cerd = Convention internationale sur l’élimination de toutes les formes de discrimination raciale
treaty-cerd-short = CIEDR
treaty-iccpr = Pacte international relatif aux droits civils et politiques
treaty-iccpr-short = PIDCP
treaty-iccpr_op1 = Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques
treaty-iccpr_op1-short = PIDCP-PF1
treaty-iccpr_op2 = Deuxième Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques, visant à abolir la peine de mort
treaty-iccpr_op2-short = PIDCP-PF2
treaty-icescr = Pacte international relatif aux droits économiques, sociaux et culturels
treaty-icescr-short = PIDESC
treaty-icescr_op = Protocole facultatif se rapportant au Pacte international relatif aux droits économiques, sociaux et culturels
treaty-icescr_op-short = PIDESC-PF
treaty-cedaw = Convention sur l’élimination de toutes les formes de discrimination à l’égard des femmes
treaty-cedaw-short = CEDEF
treaty-cedaw_op = Protocole facultatif à la Convention sur l’élimination de toutes les formes de discrimination à l’égard des femmes
treaty-cedaw_op-short = CEDEF-PF
treaty-cat = Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants
treaty-cat-short = CAT
treaty-opcat = Protocole facultatif se rapportant à la Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants
treaty-opcat-short = OPCAT
treaty-crc = Convention relative aux droits de l’enfant
treaty-crc-short = CDE
treaty-crc_op_ac = Protocole facultatif à la Convention relative aux droits de l’enfant, concernant l’implication d’enfants dans les conflits armés
treaty-crc_op_ac-short = CDE-PF-CA
treaty-crc_op_sc = Protocole facultatif à la Convention relative aux droits de l’enfant, concernant la vente d’enfants, la prostitution des enfants et la pornographie mettant en scène des enfants
treaty-crc_op_sc-short = CDE-PF-VE
treaty-crc_op_ic = Protocole facultatif à la Convention relative aux droits de l’enfant établissant une procédure de présentation de communications
treaty-crc_op_ic-short = CDE-PF-PC
treaty-cmw = Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille
treaty-cmw-short = CIPDTM
treaty-crpd = Convention relative aux droits des personnes handicapées
treaty-crpd-short = CDPH
treaty-crpd_op = Protocole facultatif se rapportant à la Convention relative aux droits des personnes handicapées
treaty-crpd_op-short = CDPH-PF
treaty-ced = Convention internationale pour la protection de toutes les personnes contre les disparitions forcées
treaty-ced-short = CIPPDF

## Participation, consent and events

participation-no-action = Aucune action
participation-signatory = Signataire
participation-party = Partie
participation-withdrawn = Retrait
consent-ratification = Ratification
consent-accession = Adhésion
consent-succession = Succession
consent-acceptance = Acceptation
consent-approval = Approbation
event-signature = Signature
event-ratification = Ratification
event-accession = Adhésion
event-succession = Succession
event-acceptance = Acceptation
event-approval = Approbation
event-art24-declaration-part-iii = Déclaration au titre de l’article 24 ajournant la troisième partie (visites du Sous-Comité)
event-art24-declaration-part-iv = Déclaration au titre de l’article 24 ajournant la quatrième partie (mécanisme national de prévention)
event-art24-extension = Ajournement prolongé par le Comité contre la torture (art. 24)
event-npm-designation = Mécanisme national de prévention désigné
event-npm-notification = Désignation du MNP notifiée à l’ONU
event-npm-operation = MNP en activité (visites ou rapports)
event-npm-meets-criteria = MNP jugé conforme aux critères de l’OPCAT
event-spt-visit = Visite du Sous-Comité pour la prévention de la torture
event-denunciation = Dénonciation
art24-part-iii = troisième partie (visites du Sous-Comité pour la prévention de la torture)
art24-part-iv = quatrième partie (mécanisme national de prévention)
violation-consent-without-cat-party = Ratification ou adhésion le { $date } sans être partie à la CAT à cette date
violation-signature-without-cat = Signature le { $date } sans avoir signé la CAT ni y avoir adhéré à cette date

## Table columns

col-state = État
col-treaty = Traité
col-short = Sigle
col-mtdsg = Nº de dépositaire (ONU)
col-parties = Parties
col-signatories = Signataires
col-signature = Signature
col-consent = Ratification, adhésion ou succession
col-consent-kind = Nature
col-participation = Statut
col-region = Région
col-group = Groupe régional de l’ONU
col-stage = Étape
col-total = Total
col-date = Date
col-entry-into-force = Entrée en vigueur
col-npm-due = MNP attendu le
col-overdue-by = Retard
col-finding = Constat

## Dashboard

dashboard-title = L’OPCAT dans le monde
dashboard-lead = Le Protocole facultatif se rapportant à la Convention contre la torture (OPCAT) ouvre tous les lieux de privation de liberté à des visites préventives indépendantes, par un mécanisme national de prévention (MNP) et par le Sous-Comité de l’ONU pour la prévention de la torture. Cette page montre la situation de chaque État au { $date }.
figure-parties = { $count ->
    [one] État partie
   *[other] États parties
}
figure-signatories = { $count ->
    [one] signataire pas encore partie
   *[other] signataires pas encore parties
}
figure-overdue = { $count ->
    [one] partie dont le MNP est en retard
   *[other] parties dont le MNP est en retard
}
map-heading = Carte des étapes de l’OPCAT
map-title = Carte mondiale des étapes de l’OPCAT au { $date }
map-desc = Chaque État est coloré selon son étape dans l’OPCAT et renvoie à sa page. Les tableaux ci-dessous donnent les mêmes informations.
legend-heading = Étapes
legend-total = { $count ->
    [one] 1 État
   *[other] { $count } États
}
groups-heading = Étapes par groupe régional de l’ONU
groups-caption = Nombre d’États à chaque étape de l’OPCAT, par groupe régional de l’ONU
group-states-summary = États du { $group } ({ $count })
no-group-states-summary = États hors des groupes régionaux de l’ONU ({ $count })
chart-heading = Nombre d’États parties au fil du temps
chart-title = Nombre d’États parties à l’OPCAT, du { $start } au { $end }
chart-desc = Une courbe en escalier qui monte à chaque ratification, adhésion ou succession. Le tableau ci-dessous donne les mêmes chiffres.
chart-y-axis = États parties
chart-table-summary = Les mêmes chiffres sous forme de tableau
chart-table-caption = Nombre d’États parties après chaque changement
overdue-heading = Mécanismes nationaux de prévention en retard
overdue-lead = L’article 17 impose à chaque État partie de disposer d’un mécanisme national de prévention au plus tard un an après l’entrée en vigueur du Protocole à son égard, ou plus tard s’il a ajourné la quatrième partie au titre de l’article 24. Aucune désignation n’est enregistrée pour ces États.
overdue-none = Aucun mécanisme national de prévention n’est en retard à cette date.
violations-heading = Questions soulevées par l’article 27
violations-lead = L’article 27 ouvre la signature de l’OPCAT aux États qui ont signé la Convention contre la torture, et la ratification ou l’adhésion à ses États parties. Les données montrent les cas suivants ; ils sont signalés tels quels, sans correction.

## State page

state-title = { $name } : état des traités
state-formal-name = Nom officiel
state-iso3 = Code ISO 3166
state-region = Région
state-subregion = Sous-région
state-group = Groupe régional de l’ONU
state-opcat-heading = Situation au regard de l’OPCAT
state-stage = Étape actuelle
state-entry-into-force = Entrée en vigueur pour l’État
state-npm-due = Mécanisme national de prévention attendu (art. 17)
state-npm-overdue = En retard de { $duration }
state-npm-in-time = Pas en retard
state-npm-designated = Mécanisme national de prévention désigné
state-postponement = Ajournement (art. 24)
state-postponement-end = Fin de l’ajournement
state-not-in-force = L’OPCAT n’est pas en vigueur pour cet État à cette date.
state-treaties-heading = Principaux traités relatifs aux droits de l’homme
state-treaties-caption = Situation au regard des 18 principaux instruments internationaux relatifs aux droits de l’homme
state-timeline-heading = Chronologie de l’OPCAT
state-timeline-empty = Aucun événement relatif à l’OPCAT n’est enregistré jusqu’à cette date.
source-label = Source :
source-as-of = situation au { $date }
note-label = Note :
state-violations-heading = Questions soulevées par l’article 27

## Treaties

treaties-title = Principaux traités internationaux relatifs aux droits de l’homme
treaties-lead = Les 18 principaux instruments internationaux relatifs aux droits de l’homme et leurs États parties au { $date }.
treaties-caption = Principaux traités relatifs aux droits de l’homme, avec leur nombre de parties et de signataires
treaty-untc-link = État du traité dans la Collection des traités des Nations Unies
treaty-opened = Ouvert à la signature en { $year }
treaty-depositary = Nº de dépositaire (ONU) : { $number }
filter-heading = Filtrer les participants
filter-region = Région M49
filter-group = Groupe régional de l’ONU
filter-any = Tous
filter-submit = Appliquer
filter-reset = Effacer les filtres
participants-heading = Participants
participants-caption = États qui ont signé le traité ou y sont devenus parties
participants-count = { $total ->
    [one] 1 participant
   *[other] { $total } participants
} : { $parties ->
    [one] 1 partie
   *[other] { $parties } parties
}, { $signatories ->
    [one] 1 signataire
   *[other] { $signatories } signataires
}.
participants-empty = Aucun État ne correspond à ces filtres à cette date.

## Errors

error-heading = Un problème est survenu
error-state_not_found = Aucun État n’a le code « { $subject } ». Utilisez un code ISO 3166-1 alpha-3, par exemple FRA.
error-treaty_not_found = Aucun traité n’a l’identifiant « { $subject } ».
error-not_found = Il n’y a pas de page à l’adresse { $subject }.
error-invalid_as_of = La date « { $subject } » n’est pas valide. Écrivez-la sous la forme AAAA-MM-JJ, par exemple 2008-11-11.
error-invalid_parameter = La valeur du paramètre « { $subject } » ne peut pas être utilisée.
error-internal = Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.
error-back = Retour au tableau de bord OPCAT
error-unauthenticated = Veuillez vous connecter pour voir cette page.
error-invalid_token = Le jeton d’API n’est pas valide : il est inconnu, révoqué, ou son compte est désactivé.
error-token_read_only = Ce jeton d’API ne permet que la lecture ; utilisez un jeton en lecture et écriture pour modifier des données.
error-csrf_rejected = Ce formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
login-title = Connexion
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
login-wrong = L’adresse électronique ou le mot de passe est incorrect.
login-locked = Trop de tentatives échouées. Réessayez dans { $minutes } minutes.
login-notice-password-set = Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.
account-title = Votre compte
account-signed-in-as = Connecté en tant que { $name } ({ $email }).
account-site-admin = Vous êtes administrateur du site.
account-orgs-heading = Vos organisations
account-no-orgs = Vous n’êtes encore membre d’aucune organisation.
account-col-org = Organisation
account-col-role = Rôle
role-viewer = Lecteur
role-editor = Rédacteur
role-admin = Administrateur
account-tokens-heading = Jetons d’API
account-tokens-lead = Les programmes utilisent un jeton pour lire ou modifier des données par l’API JSON, en votre nom. Révoquez tout jeton dont vous ne vous servez plus.
account-no-tokens = Vous n’avez aucun jeton d’API actif.
account-col-name = Nom
account-col-scope = Accès
account-col-created = Créé le
account-col-last-used = Dernière utilisation
account-never-used = jamais
account-revoke = Révoquer
token-scope-read = Lecture seule
token-scope-read_write = Lecture et écriture
account-token-create-heading = Créer un jeton
account-token-name = Nom (à quoi sert le jeton)
account-token-scope = Accès
account-token-create = Créer le jeton
account-token-name-blank = Donnez un nom au jeton.
account-sessions-heading = Sessions
account-sessions-lead = Se déconnecter partout met fin à toutes les sessions de votre compte, sur tous les appareils, y compris celui-ci.
account-logout-everywhere = Se déconnecter partout
token-created-title = Votre nouveau jeton d’API
token-created-warning = Copiez ce jeton maintenant : il n’est affiché qu’une seule fois. Quiconque le détient peut agir en votre nom par l’API ; gardez-le secret.
token-created-back = Retour à votre compte
set-password-title = Choisir votre mot de passe
set-password-lead = Choisissez un mot de passe d’au moins { $min } caractères. Une longue phrase à laquelle vous seul penseriez est le meilleur choix.
set-password-new = Nouveau mot de passe
set-password-confirm = Le même mot de passe, à nouveau
set-password-submit = Enregistrer le mot de passe
set-password-mismatch = Les deux mots de passe ne sont pas identiques.
set-password-link-invalid = Ce lien ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau à l’administrateur de votre organisation.
password-too_short = Le mot de passe est trop court : utilisez au moins { $min } caractères.
password-too_long = Le mot de passe est trop long : utilisez au plus { $max } caractères.
password-too_common = Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.
password-contains_personal_info = Le mot de passe ne doit contenir ni votre nom ni votre adresse électronique.
# Two-factor sign-in (account page, enrolment, the second step of signing in)
account-2fa-heading = Connexion à deux facteurs
account-2fa-on = La connexion à deux facteurs est activée.
account-2fa-off = La connexion à deux facteurs est désactivée : votre mot de passe suffit à quiconque pour se connecter en votre nom.
account-2fa-manage = Gérer la connexion à deux facteurs
account-2fa-recovery-left = { $count ->
    [one] Il reste un code de secours.
   *[other] Il reste { $count } codes de secours.
}
twofa-title = Connexion à deux facteurs
twofa-required = En tant qu’administrateur sur cette instance, vous devez activer la connexion à deux facteurs avant de continuer.
twofa-enrol-lead = Ajoutez votre compte à une application d’authentification : ouvrez le lien sur l’appareil qui a l’application, ou saisissez-y la clé. Saisissez ensuite le code à 6 chiffres qu’affiche l’application.
twofa-secret-label = Clé
twofa-open-app = Ouvrir dans une application d’authentification
twofa-code = Code de votre application
twofa-enable = Activer la connexion à deux facteurs
twofa-code-wrong = Ce code n’est pas correct, ou il a déjà servi. Saisissez le code actuel de votre application.
twofa-on-lead = La connexion à deux facteurs est activée. Si vous perdez votre appareil, chaque code de secours permet de vous connecter une fois.
twofa-recovery-title = Vos codes de secours
twofa-recovery-warning = Gardez ces codes en lieu sûr, à l’écart de votre appareil : chacun permet de vous connecter une fois si vous le perdez. Ils ne sont affichés que maintenant.
twofa-regenerate-heading = Nouveaux codes de secours
twofa-regenerate-lead = Les nouveaux codes remplacent tous les anciens.
twofa-regenerate = Créer de nouveaux codes de secours
twofa-disable-heading = Désactiver la connexion à deux facteurs
twofa-password = Votre mot de passe
twofa-code-or-recovery = Code de votre application, ou code de secours
twofa-disable = Désactiver la connexion à deux facteurs
twofa-password-wrong = Le mot de passe est erroné.
login-2fa-title = Connexion : deuxième étape
login-2fa-lead = Saisissez le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de secours.
login-2fa-submit = Se connecter
error-two_factor_required = Activez la connexion à deux facteurs sur la page de votre compte avant de continuer.
error-org_not_found = Aucune organisation n’a le nom court « { $subject } ».
error-alliance_not_found = Aucune alliance ne porte le numéro « { $subject } ».
error-forbidden = Votre rôle ne permet pas cette modification. Adressez-vous à un administrateur de l’organisation.
error-invalid_field = Le champ « { $subject } » ne peut pas être utilisé tel quel.
error-conflict = Cette modification contredit ce qui est déjà enregistré.
error-action_not_found = Aucune action ne porte le numéro « { $subject } ».
error-invalid_fields = Certains champs ne peuvent pas être utilisés tels quels, à commencer par « { $subject } ».
nav-workspace = Espace de travail
nav-orgs = Organisations
nav-alliances = Alliances
nav-audit = Journal d’audit
orgs-title = Organisations
orgs-lead = Les organisations qui participent à la campagne et dont vous pouvez voir la fiche.
orgs-none = Aucune organisation ne vous est visible.
orgs-col-name = Nom
orgs-col-kind = Type
org-short-name = Nom court
org-website = Site web
org-visibility = Fiche visible par
org-members-heading = Membres
org-col-member = Membre
org-col-email = Courriel
org-col-actions = Modifier
org-change-role = Changer le rôle
org-remove-member = Retirer
org-role-invalid = Rôle : choisissez lecteur, rédacteur ou administrateur.
org-last-admin = L’organisation n’aurait plus d’administrateur. Nommez d’abord un autre membre administrateur.
org-settings-heading = Paramètres
org-settings-lead = Ce que l’annuaire montre de l’organisation, et à qui. Le nom court ne change pas : les adresses l’utilisent.
org-description = Description
org-settings-submit = Enregistrer les paramètres
org-name-blank = Nom : donnez un nom à l’organisation.
org-kind-invalid = Type : choisissez l’une des options.
org-website-invalid = Site web : indiquez une adresse commençant par http:// ou https://, par exemple https://www.example.org, ou laissez le champ vide.
org-visibility-invalid = Fiche visible par : choisissez l’une des options.
org-kind-government_body = Organe gouvernemental
org-kind-parliament = Parlement
org-kind-nhri = Institution nationale des droits de l’homme
org-kind-national_ngo = ONG nationale
org-kind-international_ngo = ONG internationale
org-kind-regional_body = Organisme régional
org-kind-un_body = Organe de l’ONU
org-kind-professional_association = Association professionnelle
org-kind-academia = Milieu universitaire
org-kind-media = Médias
org-kind-donor = Bailleur de fonds
org-kind-supportive_state = État favorable
org-kind-other = Autre
visibility-private = Les membres de l’organisation seulement
visibility-alliance = Les membres de ses alliances
visibility-public = Tout le monde
invite-heading = Inviter quelqu’un
invite-lead = La page suivante affiche un lien valable une seule fois, pendant sept jours. Entente n’envoie pas encore de courriels : copiez le lien et envoyez-le vous-même à la personne.
invite-submit = Créer l’invitation
invite-email-invalid = Courriel : indiquez une adresse comme nom@example.org.
invite-created-title = Invitation créée
invite-created-lead = Envoyez ce lien à la personne invitée. Elle se connecte avec l’adresse invitée et accepte.
invite-created-warning = Copiez le lien maintenant : il n’est affiché qu’une fois. Aucun courriel n’a été envoyé.
invite-created-back = Retour à l’organisation
invite-link = Lien d’invitation
invite-expires = Valable jusqu’au
invitation-title = Invitation à rejoindre une organisation
invitation-sign-in-first = Connectez-vous d’abord avec l’adresse invitée ; ce lien vous ramène ici.
invitation-other-email = Cette invitation a été envoyée à une autre adresse. Connectez-vous avec cette adresse pour l’accepter.
invitation-accept = Accepter et rejoindre
audit-title = Journal d’audit
audit-lead = Chaque modification de vos organisations et de leurs membres, de la plus récente à la plus ancienne. La consultation de cette page n’est pas elle-même enregistrée.
audit-org = Organisation
audit-action = Action
audit-any = Toutes
audit-filter = Filtrer
audit-none = Aucune entrée ne correspond.
audit-col-at = Quand
audit-col-actor = Qui
audit-col-detail = Détail
audit-newer = Entrées plus récentes
audit-older = Entrées plus anciennes
alliances-title = Alliances
alliances-lead = Des coalitions d’organisations qui partagent leur travail sur la campagne.
alliances-none = Aucune alliance ne vous est visible.
alliance-purpose = Objet
alliance-owner = Organisation responsable
alliance-visibility = Visible par
alliance-visibility-private = Les membres de l’organisation responsable seulement
alliance-visibility-alliance = Les membres des organisations de l’alliance
alliance-visibility-public = Tout le monde
alliance-create-heading = Créer une alliance
alliance-create = Créer l’alliance
alliance-name-blank = Nom : donnez un nom à l’alliance.
alliance-owner-invalid = Organisation responsable : choisissez une organisation que vous administrez.
alliance-visibility-invalid = Visible par : choisissez l’une des options.
alliance-add-heading = Ajouter une organisation
alliance-add = Ajouter
alliance-org-unknown = Nom court : aucune organisation visible pour vous n’a ce nom court.
alliance-member-conflict = Cette organisation est déjà membre, ou elle est responsable de l’alliance et ne peut pas la quitter.

## Campaign actions

nav-actions = Actions
actions-title = Actions de campagne
actions-lead = Qui fait quoi, où et quand : les actions de la coalition qui vous sont visibles.
actions-new = Enregistrer une action
actions-calendar-link = Vue calendrier
actions-list-link = Vue liste
actions-filter-heading = Filtrer les actions
actions-filter-state = État
actions-filter-region = Groupe régional de l’ONU
actions-filter-type = Type d’action
actions-filter-phase = Phase
actions-filter-level = Niveau
actions-filter-status = Statut
actions-filter-org = Organisation
actions-filter-from = Du
actions-filter-to = Au
actions-found-heading = Actions trouvées
actions-none = Aucune action visible pour vous ne correspond.
actions-range = { $start }–{ $end } sur { $total }
actions-range-more = { $start }–{ $end } sur plus de { $total }
actions-pages = Pages de résultats
actions-previous = Page précédente
actions-next = Page suivante
action-status-idea = Idée
action-status-planned = Prévue
action-status-under-way = En cours
action-status-done = Terminée
action-status-cancelled = Annulée
action-phase-ratification = Ratification
action-phase-implementation = Mise en œuvre
action-level-international = International
action-level-regional = Régional
action-level-national = National
action-audience-executive = Exécutif
action-audience-legislature = Parlement
action-audience-nhri = Institution nationale des droits de l’homme
action-audience-npm = Mécanisme national de prévention
action-audience-judiciary = Pouvoir judiciaire
action-audience-public = Grand public
action-audience-civil-society = Société civile
action-audience-un-body = Organe de l’ONU
action-audience-regional-body = Organe régional
action-visibility-private = Les membres de l’organisation responsable seulement
action-visibility-alliance = Les membres des alliances avec lesquelles elle est partagée
action-visibility-public = Tout le monde
action-org-hidden = Une organisation qui ne vous est pas visible
action-dates-range = du { $start } au { $end }
action-dates-due = échéance le { $date }
action-dates-none = Pas encore de date
action-field-title = Titre
action-field-description = Description
action-field-action_type = Type d’action
action-field-phase = Phase
action-field-level = Niveau
action-field-states = États visés
action-field-audiences = Publics visés
action-field-lead = Organisation responsable
action-field-partners = Partenaires
action-field-dates = Dates
action-field-start = Début
action-field-end = Fin
action-field-due = Échéance
action-field-status = Statut
action-field-budget = Budget
action-field-budget_amount = Montant du budget
action-field-budget_currency = Devise
action-field-staff_days = Jours de travail
action-field-expected_outcome = Résultat attendu
action-field-actual_outcome = Résultat obtenu
action-field-outcome_event = Événement conventionnel auquel elle a contribué
action-field-documents = Documents
action-field-visibility = Visible par
action-field-shared_with = Partagée avec les alliances
action-partners-hidden = { $count ->
    [one] et une organisation qui ne vous est pas visible
   *[other] et { $count } organisations qui ne vous sont pas visibles
}
action-none-given = Non renseigné
action-history-heading = Historique du statut
action-history-entry = { $name } depuis le { $date }
action-edit = Modifier cette action
action-delete = Supprimer cette action
action-back = Retour aux actions
action-delete-title = Supprimer « { $name } » ?
action-delete-explain = L’action et l’historique de son statut seront supprimés pour tout le monde. Le journal d’audit garde une trace de la suppression.
action-delete-confirm = Oui, supprimer l’action
action-new-title = Enregistrer une action de campagne
action-edit-title = Modifier « { $name } »
action-form-create = Enregistrer l’action
action-form-save = Enregistrer les modifications
action-form-errors-heading = { $count ->
    [one] L’action n’a pas été enregistrée : un champ est à revoir.
   *[other] L’action n’a pas été enregistrée : { $count } champs sont à revoir.
}
action-form-what = Quoi
action-form-where = Où et auprès de qui
action-form-who = Qui
action-form-when = Quand
action-form-means = Budget et temps de travail
action-form-outcome = Résultat
action-form-documents-hint = Un titre et une adresse web (https://…) par document ; laissez une ligne vide pour l’ignorer.
action-form-document-title = Titre du document
action-form-document-url = Adresse web
action-form-document-row = Document { $number }
action-form-date-hint = Jour, mois, année : 12/03/2026 pour le 12 mars 2026, ou 2026-03-12.
action-form-budget-hint = Un montant, avec une virgule ou un point pour les décimales, et un code de devise ISO 4217 comme EUR, USD ou CHF.
action-form-choose = Choisissez…
action-form-no-partners = Aucune autre organisation ne vous est visible.
action-form-shared-hint = Seulement pour « Les membres des alliances avec lesquelles elle est partagée » ; l’organisation responsable doit en être membre.
action-form-no-alliances = Aucune alliance ne vous est visible.
action-form-cancel = Annuler
action-error-required = Ce champ est obligatoire.
action-error-start-required = Une action en cours a une date de début.
action-error-too-long = Ce texte est trop long.
action-error-duplicate = Une valeur est donnée deux fois.
action-error-partner-is-lead = L’organisation responsable ne peut pas être aussi partenaire.
action-error-end-before-start = La fin est antérieure au début.
action-error-negative = Indiquez zéro ou plus.
action-error-not-a-web-address = Indiquez une adresse web commençant par http:// ou https://.
action-error-invalid-visibility = Choisissez qui voit l’action ; pour la partager avec des alliances, cochez-en au moins une.
action-error-unknown-organisation = Aucune organisation visible pour vous ne porte ce nom.
action-error-partners-unknown-organisation = Un partenaire est une organisation qui ne vous est pas visible ; ses administrateurs ou l’administrateur du site peuvent modifier cette action.
action-error-not-in-alliance = L’organisation responsable n’est pas membre de cette alliance.
action-error-unknown-event = Les données conventionnelles ne contiennent pas cet événement.
action-error-unknown-state = Cet État n’est pas connu d’Entente.
action-error-unknown-action-type = Ce type d’action n’existe pas sur cette instance.
action-error-unknown-currency = Ce n’est pas un code de devise ISO 4217 (par exemple EUR, USD, CHF).
action-error-not-an-amount = Ce n’est pas un montant : écrivez 1234,50 ou 1 234,50.
action-error-too-many-decimals = Le montant a plus de décimales que la devise.
action-error-too-large = Ce montant est trop élevé.
action-error-not-a-date = Ce n’est pas une date : écrivez 12/03/2026 ou 2026-03-12.
action-error-not-a-number = Ce n’est pas un nombre.
action-error-invalid-choice = Choisissez l’une des options.
action-error-not-editor = Choisissez une organisation dont vous êtes éditeur ou administrateur.
calendar-title = Calendrier des actions de campagne
calendar-caption = Actions de { $month } { $year }
calendar-previous = Mois précédent
calendar-next = Mois suivant
calendar-empty = Aucune action visible pour vous ce mois-ci.
calendar-due = échéance
calendar-week = Semaine du { $date }
calendar-capped = Les { $count } premières des { $total } actions de ce mois visibles pour vous ; affinez les filtres pour voir les autres.
calendar-capped-more = Les { $count } premières des plus de { $total } actions de ce mois visibles pour vous ; affinez les filtres pour voir les autres.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
weekday-short-1 = lun.
weekday-short-2 = mar.
weekday-short-3 = mer.
weekday-short-4 = jeu.
weekday-short-5 = ven.
weekday-short-6 = sam.
weekday-short-7 = dim.
state-actions-heading = Actions de campagne
state-actions-count = { $count ->
    [one] Une action de campagne visible pour vous vise cet État.
   *[other] { $count } actions de campagne visibles pour vous visent cet État.
}
state-actions-none = Aucune action de campagne visible pour vous ne vise cet État.
state-actions-count-more = Plus de { $count } actions de campagne visibles pour vous visent cet État.
state-actions-all = Toutes les actions sur cet État
state-actions-calendar = Leur calendrier

# The directory's profile, alliance reach and contacts.
org-import-link = Importer des actions depuis un tableur
org-contacts-link = Contacts
contacts-title = Contacts
contacts-lead = Les personnes de cette organisation que vous pouvez voir. Les contacts sont des données personnelles : seuls les membres de l’organisation les voient, sauf si l’un de ses administrateurs partage un contact avec une alliance ; chaque lecture depuis l’extérieur de l’organisation figure dans son journal d’audit.
contacts-none = Aucun contact ne vous est visible.
contact-role = Fonction
contact-phone = Téléphone
contact-languages = Langues
contact-languages-hint = Codes de langue séparés par des virgules, comme en, fr, es.
contact-consent = Accepte d’être contacté
contact-consent-yes = Oui
contact-consent-no = Non
contact-consent-label = A accepté d’être contacté par d’autres organisations
contact-notes = Notes
contact-shared-with = Partagé avec les alliances
contact-share-admin-only = Seul un administrateur de l’organisation peut partager un contact avec une alliance.
contact-save = Enregistrer le contact
contact-delete = Supprimer le contact
contact-edit-heading = Modifier le contact
contact-new-heading = Ajouter un contact
contact-name-blank = Indiquez le nom de la personne.
contact-email-invalid = Indiquez une adresse électronique comme nom@example.org, ou laissez le champ vide.
contact-languages-invalid = Indiquez des codes de langue de deux ou trois lettres, comme en, fr, es.
contact-visibility-invalid = Un contact est une donnée personnelle : gardez-le au sein de l’organisation, ou partagez-le avec ses alliances.
contact-shared-with-invalid = Choisissez au moins une alliance dont l’organisation est membre, ou gardez le contact au sein de l’organisation.
error-contact_not_found = Aucun contact ne porte le numéro « { $subject } ».
dir-level = Niveau
dir-level-international = International
dir-level-regional = Régional
dir-level-national = National
dir-sectors = Secteurs
dir-sector-torture-prevention = Prévention de la torture
dir-sector-human-rights = Droits humains
dir-sector-legal = Juridique
dir-sector-health = Santé
dir-sector-detention = Détention
dir-sector-children = Enfants
dir-sector-women = Femmes
dir-sector-disability = Handicap
dir-sector-migration = Migrations
dir-sector-other = Autre
dir-states = États d’action
dir-states-hint = Codes ISO à trois lettres séparés par des virgules ou des espaces, comme FRA, SEN, MEX.
dir-states-invalid = L’un de ces codes ne désigne aucun État : utilisez des codes ISO à trois lettres comme FRA.
dir-states-unknown = Ces codes ne désignent aucun État : { $subject }. Utilisez des codes ISO à trois lettres comme FRA.
dir-regions = Groupes régionaux d’action
dir-state = État
dir-region = Groupe régional
dir-filter-any = Tous
dir-filter-submit = Filtrer
dir-level-invalid = Choisissez un niveau.
alliance-area = Où elle fait campagne
alliance-area-save = Enregistrer où elle fait campagne
alliance-reach-heading = Portée
alliance-reach-lead = Calculée sur les organisations membres que vous pouvez voir.
alliance-reach-members = Membres comptés
alliance-reach-states = États couverts
alliance-reach-none = Aucun

search-title = Recherche
search-lead = Trouvez actions, organisations et alliances par leurs mots, en français, en anglais ou en espagnol, avec ou sans accents. Seul ce que vous pouvez voir est trouvé.
search-label = Mots à chercher
search-kind-label = Parmi
search-kind-all = Tout
search-kind-action = Actions
search-kind-organisation = Organisations
search-kind-alliance = Alliances
search-submit = Rechercher
search-header-label = Chercher dans le plan
search-none = Rien trouvé parmi ce que vous pouvez voir.
search-heading-action = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
search-heading-organisation = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
}
search-heading-alliance = { $count ->
    [one] 1 alliance
   *[other] { $count } alliances
}
search-all-action = Voir les { $count } actions
search-all-organisation = Voir les { $count } organisations
search-all-alliance = Voir les { $count } alliances
search-heading-action-more = Plus de { $count } actions
search-heading-organisation-more = Plus de { $count } organisations
search-heading-alliance-more = Plus de { $count } alliances
search-all-action-more = Voir toutes les actions (plus de { $count })
search-all-organisation-more = Voir toutes les organisations (plus de { $count })
search-all-alliance-more = Voir toutes les alliances (plus de { $count })
search-problem-no-search-terms = Donnez au moins un mot qui ne soit pas un mot courant comme « le », « de » ou « y ».
search-problem-too-long = Une recherche compte au plus 200 caractères.
search-problem-too-many-words = Une recherche compte au plus 12 mots.
search-pages = Pages de résultats
search-previous = Résultats précédents
search-next = Résultats suivants

import-title = Importer des actions · { $name }
import-heading = Importer des actions depuis un tableur
import-lead = Déposez un fichier CSV ou un classeur XLSX d’actions. Entente lit d’abord chaque ligne et montre ce qu’il a trouvé ; rien n’est enregistré avant l’import, et alors toutes les lignes le sont, ou aucune. Les lignes sans organisation responsable sont menées par celle-ci.
import-upload-heading = Choisir un fichier
import-file = Fichier CSV ou XLSX (20 Mo au plus)
import-preview-button = Lire le fichier
import-no-file = Choisissez un fichier à lire.
import-unreadable = Le fichier ne peut pas être lu :
import-preview-heading = Ce que contient le fichier
import-rows-read = { $count ->
    [one] Une ligne lue
   *[other] { $count } lignes lues
}
import-mapping-problems = Certaines colonnes ne peuvent pas encore être lues. Choisissez ci-dessous un champ pour chaque en-tête inconnu, ou écartez la colonne, puis relisez le fichier.
import-errors = { $count ->
    [one] Une valeur est refusée. Corrigez-la dans le fichier et relisez-le ; rien n’a été enregistré.
   *[other] { $count } valeurs sont refusées. Corrigez-les dans le fichier et relisez-le ; rien n’a été enregistré.
}
import-col-line = Ligne
import-col-field = Champ
import-col-value = Valeur
import-col-reason = Motif
import-mapping-heading = Lecture de chaque colonne
import-col-header = En-tête du fichier
import-col-reads-as = Lu comme
import-col-choice = Votre choix
import-unknown = en-tête inconnu
import-left-out = écartée
import-recognised = reconnue par son nom
import-choose-automatic = Comme Entente la lit
import-preview-again = Relire avec ces choix
import-confirm = { $count ->
    [one] Importer la ligne
   *[other] Importer les { $count } lignes
}
import-done = { $count ->
    [one] Une action a été importée. La lecture des colonnes de ce fichier est retenue pour votre prochain import.
   *[other] { $count } actions ont été importées. La lecture des colonnes de ce fichier est retenue pour votre prochain import.
}
import-done-link = Voir les actions de l’organisation

# Tableau de coordination
nav-board = Coordination
board-title = Tableau de coordination
board-lead = Là où les plans que partage la coalition pourraient se coordonner : actions qui se recoupent, manques dans le travail dont chaque État a besoin, échéances et partenaires à chercher. Tiré des seules actions que vous pouvez lire.
board-filter-heading = Filtrer le tableau
board-filter-alliance = Alliance
board-filter-as-of = À la date du
board-org-unseen = Une organisation absente de votre annuaire
board-overlaps-heading = Recoupements
board-overlaps-lead = Actions d’organisations différentes sur le même État et le même public à moins de 30 jours d’écart, les plus proches d’abord.
board-overlaps-none = Aucune action ne se recoupe.
board-overlaps-caption = { $count ->
    [one] Un recoupement en tout (50 au plus affichés)
   *[other] { $count } recoupements en tout (50 au plus affichés)
}
board-col-audience = Public
board-col-first = Première action
board-col-second = Seconde action
board-col-days-apart = Jours d’écart
board-col-opportunity = Occasion
board-opportunity-joint = Une action commune
board-opportunity-sequence = Un enchaînement à convenir
board-gaps-heading = Manques
board-gaps-lead = Ce que le guide recommande au stade de chaque État et qu’aucune action prévue ou en cours ne couvre dans les six prochains mois, obligations en retard d’abord.
board-gaps-none = Aucun manque.
board-gaps-caption = Manques par État, obligations en retard d’abord
board-map-title = Manques dans le travail sur chaque État au { $date }
board-map-desc = Une carte du monde où chaque État qui présente des manques est coloré selon le plus grave ; le tableau ci-dessous donne les mêmes manques.
board-col-stage = Stade
board-col-missing = Ce qui manque
board-col-why = Pourquoi
board-col-severity = Gravité
board-severity-high = Élevée
board-severity-medium = Moyenne
board-severity-low = Faible
board-severity-none = Aucun manque constaté, ou pas d’analyse
board-legend-heading = Le manque le plus grave de chaque État
board-gap-missing-action = Aucune action du type « { $subject } »
board-gap-untouched-audience = Personne ne travaille avec ce public : { $subject }
board-gap-no-national-partner = Pression seulement internationale : aucun partenaire national
board-gap-no-international-leverage = Pression seulement nationale : aucun levier international
board-gap-one-sector-only = Un seul secteur : { $subject }
board-why-npm-overdue = Son MNP est en retard au regard de l’art. 17 ; à ce stade depuis le { $date }
board-why-stage = Le guide le recommande à ce stade, atteint le { $date }
board-deadlines-heading = Échéances
board-deadlines-none = Aucune échéance.
board-rows-cut = Les { $count } premiers sur { $total } sont listés ; les filtres les restreignent.
board-overdue = En retard :
board-deadline-npm-due = MNP à désigner (art. 17)
board-deadline-postponement-end = Fin de l’ajournement au titre de l’art. 24 : { $subject }
board-deadline-action-due = Action à échéance
board-partners-heading = Partenaires à chercher
board-partners-legend = Proposer des partenaires à l’une de vos organisations dans un État
board-partner-org = Votre organisation
board-partner-state = État
board-partners-submit = Proposer des partenaires
board-partners-none = Aucune organisation à proposer ici.
board-reason-acts-there = { $count ->
    [one] Y mène une action ouverte
   *[other] Y mène { $count } actions ouvertes
}
board-reason-works-there = Travaille dans cet État
board-reason-works-in-region = Travaille dans ce groupe : { $group }
board-reason-other-level = Travaille à un autre niveau : { $subject }
board-reason-new-sectors = Apporte d’autres secteurs : { $subject }
contact-delete-title = Supprimer le contact « { $name } » ?
contact-delete-explain = Les coordonnées de cette personne seront supprimées pour votre organisation et pour toutes les alliances avec lesquelles elles étaient partagées. Le journal d’audit garde une trace de la suppression, sans les coordonnées.
contact-delete-confirm = Oui, supprimer le contact
