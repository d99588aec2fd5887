## Site chrome

site-name = Entente
site-tagline = Campaña por el Protocolo Facultativo de la Convención contra la Tortura
skip-to-content = Ir al contenido principal
nav-label = Navegación principal
nav-dashboard = Panel del OPCAT
nav-treaties = Tratados
nav-api = API JSON
lang-switch-label = Idioma
as-of-legend = Fecha de la situación
as-of-label = Situación al
as-of-submit = Mostrar
as-of-today = Hoy
as-of-showing = Situación al { $date }.

## Footer

footer-credits-heading = Datos y créditos
footer-untc = Estado de los tratados: Colección de Tratados de las Naciones Unidas, situación al { $date }.
footer-untc-undated = Estado de los tratados: Colección de Tratados de las Naciones Unidas.
footer-countries = Nombres, códigos y regiones M49 de los países: datasets/country-codes (División de Estadística de las Naciones Unidas, UNTERM).
footer-groups = Grupos regionales de las Naciones Unidas: lista publicada por openclimatedata/countrygroups.
footer-map = Mapa: Natural Earth, a través de world-atlas.
footer-npm = Datos sobre los mecanismos nacionales de prevención recopilados del ACNUDH, de la Asociación para la Prevención de la Tortura (APT) y de fuentes nacionales.
footer-sources-summary = { $count ->
    [one] La fuente de los datos presentados (1)
   *[other] Las { $count } fuentes de los datos presentados
}
footer-source-as-of = situación al { $date }
footer-about = Entente es software libre para coordinar la campaña por el OPCAT. Las fronteras del mapa no implican juicio alguno sobre la condición jurídica de ningún territorio.

## Dates and durations

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }
duration-years = { $count ->
    [one] 1 año
   *[other] { $count } años
}
duration-months = { $count ->
    [one] 1 mes
   *[other] { $count } meses
}
duration-years-months = { $years } y { $months }
duration-under-month = menos de un mes

## OPCAT stages

stage-not-cat-party = No es parte en la CAT
stage-cat-party-not-signed = Parte en la CAT, OPCAT no firmado
stage-signatory = Signatario
stage-party-npm-pending = Parte, MNP aún no designado
stage-npm-designated = MNP designado
stage-npm-operating = MNP en funcionamiento
stage-npm-meets-criteria = MNP conforme a los criterios del OPCAT
stage-none = Sin datos
stage-number = Etapa { $number } de 7

## UN regional groups

group-african = Grupo de los Estados de África
group-asia-pacific = Grupo de los Estados de Asia y el Pacífico
group-eastern-european = Grupo de los Estados de Europa Oriental
group-grulac = Grupo de los Estados de América Latina y el Caribe (GRULAC)
group-weog = Grupo de los Estados de Europa Occidental y otros Estados (WEOG)
group-none = Ningún grupo regional

## M49 regions and sub-regions

m49-002 = África
m49-019 = Américas
m49-142 = Asia
m49-150 = Europa
m49-009 = Oceanía
m49-015 = África septentrional
m49-202 = África subsahariana
m49-014 = África oriental
m49-017 = África central
m49-018 = África meridional
m49-011 = África occidental
m49-419 = América Latina y el Caribe
m49-029 = Caribe
m49-013 = América Central
m49-005 = América del Sur
m49-021 = América septentrional
m49-143 = Asia central
m49-030 = Asia oriental
m49-035 = Asia sudoriental
m49-034 = Asia meridional
m49-145 = Asia occidental
m49-151 = Europa oriental
m49-154 = Europa septentrional
m49-039 = Europa meridional
m49-155 = Europa occidental
m49-053 = Australia y Nueva Zelandia
m49-054 = Melanesia
m49-057 = Micronesia
m49-061 = Polinesia

## Treaties

treaty-cerd = Convención Internacional sobre la Eliminación de todas las Formas de Discriminación Racial
treaty-cerd-short = ICERD
treaty-iccpr = Pacto Internacional de Derechos Civiles y Políticos
treaty-iccpr-short = PIDCP
treaty-iccpr_op1 = Protocolo Facultativo del Pacto Internacional de Derechos Civiles y Políticos
treaty-iccpr_op1-short = PIDCP-PF1
treaty-iccpr_op2 = Segundo Protocolo Facultativo del Pacto Internacional de Derechos Civiles y Políticos, destinado a abolir la pena de muerte
treaty-iccpr_op2-short = PIDCP-PF2
treaty-icescr = Pacto Internacional de Derechos Económicos, Sociales y Culturales
treaty-icescr-short = PIDESC
treaty-icescr_op = Protocolo Facultativo del Pacto Internacional de Derechos Económicos, Sociales y Culturales
treaty-icescr_op-short = PIDESC-PF
treaty-cedaw = Convención sobre la eliminación de todas las formas de discriminación contra la mujer
treaty-cedaw-short = CEDAW
treaty-cedaw_op = Protocolo Facultativo de la Convención sobre la eliminación de todas las formas de discriminación contra la mujer
treaty-cedaw_op-short = CEDAW-PF
treaty-cat = Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes
treaty-cat-short = CAT
treaty-opcat = Protocolo Facultativo de la Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes
treaty-opcat-short = OPCAT
treaty-crc = Convención sobre los Derechos del Niño
treaty-crc-short = CDN
treaty-crc_op_ac = Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la participación de niños en los conflictos armados
treaty-crc_op_ac-short = CDN-PF-CA
treaty-crc_op_sc = Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, la prostitución infantil y la utilización de niños en la pornografía
treaty-crc_op_sc-short = CDN-PF-VN
treaty-crc_op_ic = Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a un procedimiento de comunicaciones
treaty-crc_op_ic-short = CDN-PF-PC
treaty-cmw = Convención Internacional sobre la protección de los derechos de todos los trabajadores migratorios y de sus familiares
treaty-cmw-short = CTMF
treaty-crpd = Convención sobre los derechos de las personas con discapacidad
treaty-crpd-short = CDPD
treaty-crpd_op = Protocolo Facultativo de la Convención sobre los derechos de las personas con discapacidad
treaty-crpd_op-short = CDPD-PF
treaty-ced = Convención Internacional para la protección de todas las personas contra las desapariciones forzadas
treaty-ced-short = CIPPDF

## Participation, consent and events

participation-no-action = Ninguna acción
participation-signatory = Signatario
participation-party = Parte
participation-withdrawn = Retirada
consent-ratification = Ratificación
consent-accession = Adhesión
consent-succession = Sucesión
consent-acceptance = Aceptación
consent-approval = Aprobación
event-signature = Firma
event-ratification = Ratificación
event-accession = Adhesión
event-succession = Sucesión
event-acceptance = Aceptación
event-approval = Aprobación
event-art24-declaration-part-iii = Declaración en virtud del artículo 24 que aplaza la parte III (visitas del Subcomité)
event-art24-declaration-part-iv = Declaración en virtud del artículo 24 que aplaza la parte IV (mecanismo nacional de prevención)
event-art24-extension = Aplazamiento prorrogado por el Comité contra la Tortura (art. 24)
event-npm-designation = Mecanismo nacional de prevención designado
event-npm-notification = Designación del MNP notificada a las Naciones Unidas
event-npm-operation = MNP en funcionamiento (visitas o informes)
event-npm-meets-criteria = MNP evaluado conforme a los criterios del OPCAT
event-spt-visit = Visita del Subcomité para la Prevención de la Tortura
event-denunciation = Denuncia
art24-part-iii = parte III (visitas del Subcomité para la Prevención de la Tortura)
art24-part-iv = parte IV (mecanismo nacional de prevención)
violation-consent-without-cat-party = Ratificación o adhesión el { $date } sin ser parte en la CAT en esa fecha
violation-signature-without-cat = Firma el { $date } sin haber firmado la CAT ni haberse adherido a ella en esa fecha

## Table columns

col-state = Estado
col-treaty = Tratado
col-short = Sigla
col-mtdsg = N.º de depositario (ONU)
col-parties = Partes
col-signatories = Signatarios
col-signature = Firma
col-consent = Ratificación, adhesión o sucesión
col-consent-kind = Tipo
col-participation = Situación
col-region = Región
col-group = Grupo regional de las Naciones Unidas
col-stage = Etapa
col-total = Total
col-date = Fecha
col-entry-into-force = Entrada en vigor
col-npm-due = MNP exigible el
col-overdue-by = Retraso
col-finding = Constatación

## Dashboard

dashboard-title = El OPCAT en el mundo
dashboard-lead = El Protocolo Facultativo de la Convención contra la Tortura (OPCAT) abre todos los lugares de privación de libertad a visitas preventivas independientes, de un mecanismo nacional de prevención (MNP) y del Subcomité de las Naciones Unidas para la Prevención de la Tortura. Esta página muestra la situación de cada Estado al { $date }.
figure-parties = { $count ->
    [one] Estado parte
   *[other] Estados partes
}
figure-signatories = { $count ->
    [one] signatario que aún no es parte
   *[other] signatarios que aún no son partes
}
figure-overdue = { $count ->
    [one] parte con su MNP atrasado
   *[other] partes con su MNP atrasado
}
map-heading = Mapa de las etapas del OPCAT
map-title = Mapa mundial de las etapas del OPCAT al { $date }
map-desc = Cada Estado está coloreado según su etapa en el OPCAT y enlaza con su página. Los cuadros siguientes ofrecen la misma información.
legend-heading = Etapas
legend-total = { $count ->
    [one] 1 Estado
   *[other] { $count } Estados
}
groups-heading = Etapas por grupo regional de las Naciones Unidas
groups-caption = Número de Estados en cada etapa del OPCAT, por grupo regional de las Naciones Unidas
group-states-summary = Estados del { $group } ({ $count })
no-group-states-summary = Estados fuera de los grupos regionales de las Naciones Unidas ({ $count })
chart-heading = Estados partes a lo largo del tiempo
chart-title = Número de Estados partes en el OPCAT, del { $start } al { $end }
chart-desc = Una línea escalonada que sube con cada ratificación, adhesión o sucesión. El cuadro siguiente ofrece las mismas cifras.
chart-y-axis = Estados partes
chart-table-summary = Las mismas cifras en un cuadro
chart-table-caption = Número de Estados partes después de cada cambio
overdue-heading = Mecanismos nacionales de prevención atrasados
overdue-lead = El artículo 17 exige que cada Estado parte cuente con un mecanismo nacional de prevención a más tardar un año después de la entrada en vigor del Protocolo para él, o más tarde si aplazó la parte IV en virtud del artículo 24. No consta ninguna designación para estos Estados.
overdue-none = Ningún mecanismo nacional de prevención está atrasado en esta fecha.
violations-heading = Cuestiones que plantea el artículo 27
violations-lead = El artículo 27 abre la firma del OPCAT a los Estados que firmaron la Convención contra la Tortura, y la ratificación o adhesión a sus Estados partes. Los datos muestran los casos siguientes; se señalan tal como aparecen, sin corregirlos.

## State page

state-title = { $name }: situación de los tratados
state-formal-name = Nombre oficial
state-iso3 = Código ISO 3166
state-region = Región
state-subregion = Subregión
state-group = Grupo regional de las Naciones Unidas
state-opcat-heading = Situación respecto del OPCAT
state-stage = Etapa actual
state-entry-into-force = Entrada en vigor para el Estado
state-npm-due = Mecanismo nacional de prevención exigible (art. 17)
state-npm-overdue = Atrasado { $duration }
state-npm-in-time = Sin retraso
state-npm-designated = Mecanismo nacional de prevención designado
state-postponement = Aplazamiento (art. 24)
state-postponement-end = Fin del aplazamiento
state-not-in-force = El OPCAT no está en vigor para este Estado en esta fecha.
state-treaties-heading = Principales tratados de derechos humanos
state-treaties-caption = Situación respecto de los 18 principales instrumentos internacionales de derechos humanos
state-timeline-heading = Cronología del OPCAT
state-timeline-empty = No consta ningún acontecimiento relativo al OPCAT hasta esta fecha.
source-label = Fuente:
source-as-of = situación al { $date }
note-label = Nota:
state-violations-heading = Cuestiones que plantea el artículo 27

## Treaties

treaties-title = Principales tratados internacionales de derechos humanos
treaties-lead = Los 18 principales instrumentos internacionales de derechos humanos y sus Estados partes al { $date }.
treaties-caption = Principales tratados de derechos humanos, con su número de partes y de signatarios
treaty-untc-link = Situación en la Colección de Tratados de las Naciones Unidas
treaty-opened = Abierto a la firma en { $year }
treaty-depositary = N.º de depositario (ONU): { $number }
filter-heading = Filtrar los participantes
filter-region = Región M49
filter-group = Grupo regional de las Naciones Unidas
filter-any = Todos
filter-submit = Aplicar
filter-reset = Borrar los filtros
participants-heading = Participantes
participants-caption = Estados que han firmado el tratado o son partes en él
participants-count = { $total ->
    [one] 1 participante
   *[other] { $total } participantes
}: { $parties ->
    [one] 1 parte
   *[other] { $parties } partes
}, { $signatories ->
    [one] 1 signatario
   *[other] { $signatories } signatarios
}.
participants-empty = Ningún Estado corresponde a estos filtros en esta fecha.

## Errors

error-heading = Algo no está bien
error-state_not_found = Ningún Estado tiene el código «{ $subject }». Utilice un código ISO 3166-1 alfa-3, por ejemplo FRA.
error-treaty_not_found = Ningún tratado tiene el identificador «{ $subject }».
error-not_found = No hay ninguna página en { $subject }.
error-invalid_as_of = La fecha «{ $subject }» no es válida. Escríbala en la forma AAAA-MM-DD, por ejemplo 2008-11-11.
error-invalid_parameter = El valor del parámetro «{ $subject }» no se puede utilizar.
error-internal = Se produjo un error de nuestra parte. Vuelva a intentarlo más tarde.
error-back = Volver al panel del OPCAT
error-unauthenticated = Inicie sesión para ver esta página.
error-invalid_token = El token de la API no es válido: es desconocido, fue revocado o su cuenta está desactivada.
error-token_read_only = Este token de la API es solo de lectura; use un token de lectura y escritura para modificar datos.
error-csrf_rejected = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-wrong = El correo electrónico o la contraseña no son correctos.
login-locked = Demasiados intentos fallidos. Inténtelo de nuevo dentro de { $minutes } minutos.
login-notice-password-set = Su contraseña ha quedado guardada. Ya puede iniciar sesión.
account-title = Su cuenta
account-signed-in-as = Sesión iniciada como { $name } ({ $email }).
account-site-admin = Usted es administrador del sitio.
account-orgs-heading = Sus organizaciones
account-no-orgs = Todavía no es miembro de ninguna organización.
account-col-org = Organización
account-col-role = Función
role-viewer = Lector
role-editor = Editor
role-admin = Administrador
account-tokens-heading = Tokens de la API
account-tokens-lead = Los programas usan un token para leer o modificar datos mediante la API JSON, en su nombre. Revoque los tokens que ya no use.
account-no-tokens = No tiene ningún token de la API activo.
account-col-name = Nombre
account-col-scope = Acceso
account-col-created = Creado
account-col-last-used = Último uso
account-never-used = nunca
account-revoke = Revocar
token-scope-read = Solo lectura
token-scope-read_write = Lectura y escritura
account-token-create-heading = Crear un token
account-token-name = Nombre (para qué sirve el token)
account-token-scope = Acceso
account-token-create = Crear el token
account-token-name-blank = Dé un nombre al token.
account-sessions-heading = Sesiones
account-sessions-lead = Cerrar sesión en todas partes termina todas las sesiones de su cuenta, en todos los dispositivos, incluido este.
account-logout-everywhere = Cerrar sesión en todas partes
token-created-title = Su nuevo token de la API
token-created-warning = Copie este token ahora: solo se muestra una vez. Quien lo tenga puede actuar en su nombre mediante la API; manténgalo en secreto.
token-created-back = Volver a su cuenta
set-password-title = Establecer su contraseña
set-password-lead = Elija una contraseña de al menos { $min } caracteres. Lo mejor es una frase larga que solo a usted se le ocurriría.
set-password-new = Nueva contraseña
set-password-confirm = La misma contraseña otra vez
set-password-submit = Guardar la contraseña
set-password-mismatch = Las dos contraseñas no coinciden.
set-password-link-invalid = Este enlace ya no funciona: ya se utilizó o ha caducado. Pida uno nuevo al administrador de su organización.
password-too_short = La contraseña es demasiado corta: use al menos { $min } caracteres.
password-too_long = La contraseña es demasiado larga: use como máximo { $max } caracteres.
password-too_common = Esta contraseña es demasiado común o fácil de adivinar. Elija otra.
password-contains_personal_info = La contraseña no debe contener su nombre ni su correo electrónico.
# Two-factor sign-in (account page, enrolment, the second step of signing in)
account-2fa-heading = Inicio de sesión en dos pasos
account-2fa-on = El inicio de sesión en dos pasos está activado.
account-2fa-off = El inicio de sesión en dos pasos está desactivado: basta su contraseña para que cualquiera inicie sesión en su nombre.
account-2fa-manage = Gestionar el inicio de sesión en dos pasos
account-2fa-recovery-left = { $count ->
    [one] Queda un código de recuperación.
   *[other] Quedan { $count } códigos de recuperación.
}
twofa-title = Inicio de sesión en dos pasos
twofa-required = Como administrador en esta instancia, debe activar el inicio de sesión en dos pasos antes de continuar.
twofa-enrol-lead = Añada su cuenta a una aplicación de autenticación: abra el enlace en el dispositivo que tiene la aplicación o escriba en ella la clave. Después escriba el código de 6 cifras que muestra la aplicación.
twofa-secret-label = Clave
twofa-open-app = Abrir en una aplicación de autenticación
twofa-code = Código de su aplicación
twofa-enable = Activar el inicio de sesión en dos pasos
twofa-code-wrong = Este código no es correcto o ya se ha usado. Escriba el código actual de su aplicación.
twofa-on-lead = El inicio de sesión en dos pasos está activado. Si pierde su dispositivo, cada código de recuperación le permite iniciar sesión una vez.
twofa-recovery-title = Sus códigos de recuperación
twofa-recovery-warning = Guarde estos códigos en un lugar seguro, lejos de su dispositivo: cada uno le permite iniciar sesión una vez si lo pierde. Solo se muestran ahora.
twofa-regenerate-heading = Nuevos códigos de recuperación
twofa-regenerate-lead = Los nuevos códigos sustituyen a todos los anteriores.
twofa-regenerate = Crear nuevos códigos de recuperación
twofa-disable-heading = Desactivar el inicio de sesión en dos pasos
twofa-password = Su contraseña
twofa-code-or-recovery = Código de su aplicación o código de recuperación
twofa-disable = Desactivar el inicio de sesión en dos pasos
twofa-password-wrong = La contraseña es incorrecta.
login-2fa-title = Inicio de sesión: segundo paso
login-2fa-lead = Escriba el código de 6 cifras de su aplicación de autenticación o uno de sus códigos de recuperación.
login-2fa-submit = Iniciar sesión
error-two_factor_required = Active el inicio de sesión en dos pasos en la página de su cuenta antes de continuar.
error-org_not_found = Ninguna organización tiene el nombre corto «{ $subject }».
error-alliance_not_found = Ninguna alianza tiene el número «{ $subject }».
error-forbidden = Su función no permite este cambio. Pida ayuda a un administrador de la organización.
error-invalid_field = El campo «{ $subject }» no se puede usar tal como está.
error-conflict = Este cambio choca con lo que ya está registrado.
error-action_not_found = Ninguna acción tiene el número «{ $subject }».
error-invalid_fields = Algunos campos no se pueden usar tal como están, empezando por «{ $subject }».
nav-workspace = Espacio de trabajo
nav-orgs = Organizaciones
nav-alliances = Alianzas
nav-audit = Registro de auditoría
orgs-title = Organizaciones
orgs-lead = Las organizaciones que participan en la campaña y cuya ficha puede ver.
orgs-none = No hay ninguna organización visible para usted.
orgs-col-name = Nombre
orgs-col-kind = Tipo
org-short-name = Nombre corto
org-website = Sitio web
org-visibility = Ficha visible para
org-members-heading = Miembros
org-col-member = Miembro
org-col-email = Correo electrónico
org-col-actions = Cambiar
org-change-role = Cambiar la función
org-remove-member = Quitar
org-role-invalid = Función: elija lector, editor o administrador.
org-last-admin = La organización se quedaría sin administrador. Nombre primero a otro miembro administrador.
org-settings-heading = Configuración
org-settings-lead = Lo que el directorio muestra de la organización, y a quién. El nombre corto no cambia: lo usan las direcciones.
org-description = Descripción
org-settings-submit = Guardar la configuración
org-name-blank = Nombre: dé un nombre a la organización.
org-kind-invalid = Tipo: elija una de las opciones.
org-website-invalid = Sitio web: indique una dirección que empiece por http:// o https://, por ejemplo https://www.example.org, o deje el campo vacío.
org-visibility-invalid = Ficha visible para: elija una de las opciones.
org-kind-government_body = Organismo gubernamental
org-kind-parliament = Parlamento
org-kind-nhri = Institución nacional de derechos humanos
org-kind-national_ngo = ONG nacional
org-kind-international_ngo = ONG internacional
org-kind-regional_body = Organismo regional
org-kind-un_body = Órgano de la ONU
org-kind-professional_association = Asociación profesional
org-kind-academia = Ámbito académico
org-kind-media = Medios de comunicación
org-kind-donor = Donante
org-kind-supportive_state = Estado favorable
org-kind-other = Otro
visibility-private = Solo los miembros de la organización
visibility-alliance = Los miembros de sus alianzas
visibility-public = Todo el mundo
invite-heading = Invitar a alguien
invite-lead = La página siguiente muestra un enlace que funciona una sola vez, durante siete días. Entente todavía no envía correos: copie el enlace y envíelo usted mismo a la persona.
invite-submit = Crear la invitación
invite-email-invalid = Correo electrónico: indique una dirección como nombre@example.org.
invite-created-title = Invitación creada
invite-created-lead = Envíe este enlace a la persona invitada. Inicia sesión con la dirección invitada y acepta.
invite-created-warning = Copie el enlace ahora: solo se muestra una vez. No se ha enviado ningún correo.
invite-created-back = Volver a la organización
invite-link = Enlace de invitación
invite-expires = Válido hasta
invitation-title = Invitación a unirse a una organización
invitation-sign-in-first = Inicie sesión primero con la dirección invitada; este enlace le traerá de vuelta aquí.
invitation-other-email = Esta invitación se envió a otra dirección. Inicie sesión con esa dirección para aceptarla.
invitation-accept = Aceptar y unirse
audit-title = Registro de auditoría
audit-lead = Cada cambio en sus organizaciones y sus miembros, del más reciente al más antiguo. La consulta de esta página no se registra.
audit-org = Organización
audit-action = Acción
audit-any = Todas
audit-filter = Filtrar
audit-none = Ninguna entrada coincide.
audit-col-at = Cuándo
audit-col-actor = Quién
audit-col-detail = Detalle
audit-newer = Entradas más recientes
audit-older = Entradas más antiguas
alliances-title = Alianzas
alliances-lead = Coaliciones de organizaciones que comparten su trabajo en la campaña.
alliances-none = No hay ninguna alianza visible para usted.
alliance-purpose = Propósito
alliance-owner = Organización responsable
alliance-visibility = Visible para
alliance-visibility-private = Solo los miembros de la organización responsable
alliance-visibility-alliance = Los miembros de las organizaciones de la alianza
alliance-visibility-public = Todo el mundo
alliance-create-heading = Crear una alianza
alliance-create = Crear la alianza
alliance-name-blank = Nombre: dé un nombre a la alianza.
alliance-owner-invalid = Organización responsable: elija una organización que usted administre.
alliance-visibility-invalid = Visible para: elija una de las opciones.
alliance-add-heading = Añadir una organización
alliance-add = Añadir
alliance-org-unknown = Nombre corto: ninguna organización visible para usted tiene este nombre corto.
alliance-member-conflict = Esta organización ya es miembro, o es la responsable de la alianza y no puede salir de ella.

## Campaign actions

nav-actions = Acciones
actions-title = Acciones de campaña
actions-lead = Quién hace qué, dónde y cuándo: las acciones de la coalición que usted puede ver.
actions-new = Registrar una acción
actions-calendar-link = Vista de calendario
actions-list-link = Vista de lista
actions-filter-heading = Filtrar las acciones
actions-filter-state = Estado
actions-filter-region = Grupo regional de la ONU
actions-filter-type = Tipo de acción
actions-filter-phase = Fase
actions-filter-level = Nivel
actions-filter-status = Situación
actions-filter-org = Organización
actions-filter-from = Desde
actions-filter-to = Hasta
actions-found-heading = Acciones encontradas
actions-none = Ninguna acción que usted pueda ver coincide.
actions-range = { $start }–{ $end } de { $total }
actions-range-more = { $start }–{ $end } de más de { $total }
actions-pages = Páginas de resultados
actions-previous = Página anterior
actions-next = Página siguiente
action-status-idea = Idea
action-status-planned = Prevista
action-status-under-way = En curso
action-status-done = Realizada
action-status-cancelled = Cancelada
action-phase-ratification = Ratificación
action-phase-implementation = Aplicación
action-level-international = Internacional
action-level-regional = Regional
action-level-national = Nacional
action-audience-executive = Poder ejecutivo
action-audience-legislature = Poder legislativo
action-audience-nhri = Institución nacional de derechos humanos
action-audience-npm = Mecanismo nacional de prevención
action-audience-judiciary = Poder judicial
action-audience-public = Público en general
action-audience-civil-society = Sociedad civil
action-audience-un-body = Órgano de la ONU
action-audience-regional-body = Órgano regional
action-visibility-private = Solo los miembros de la organización responsable
action-visibility-alliance = Los miembros de las alianzas con las que se comparte
action-visibility-public = Todo el mundo
action-org-hidden = Una organización que usted no puede ver
action-dates-range = del { $start } al { $end }
action-dates-due = plazo: { $date }
action-dates-none = Todavía sin fecha
action-field-title = Título
action-field-description = Descripción
action-field-action_type = Tipo de acción
action-field-phase = Fase
action-field-level = Nivel
action-field-states = Estados destinatarios
action-field-audiences = Públicos destinatarios
action-field-lead = Organización responsable
action-field-partners = Socios
action-field-dates = Fechas
action-field-start = Inicio
action-field-end = Fin
action-field-due = Plazo
action-field-status = Situación
action-field-budget = Presupuesto
action-field-budget_amount = Importe del presupuesto
action-field-budget_currency = Moneda
action-field-staff_days = Días de trabajo
action-field-expected_outcome = Resultado esperado
action-field-actual_outcome = Resultado obtenido
action-field-outcome_event = Hecho convencional al que contribuyó
action-field-documents = Documentos
action-field-visibility = Visible para
action-field-shared_with = Compartida con las alianzas
action-partners-hidden = { $count ->
    [one] y una organización que usted no puede ver
   *[other] y { $count } organizaciones que usted no puede ver
}
action-none-given = Sin indicar
action-history-heading = Historial de la situación
action-history-entry = { $name } desde el { $date }
action-edit = Modificar esta acción
action-delete = Eliminar esta acción
action-back = Volver a las acciones
action-delete-title = ¿Eliminar «{ $name }»?
action-delete-explain = La acción y el historial de su situación se eliminarán para todos. El registro de auditoría conserva constancia de la eliminación.
action-delete-confirm = Sí, eliminar la acción
action-new-title = Registrar una acción de campaña
action-edit-title = Modificar «{ $name }»
action-form-create = Registrar la acción
action-form-save = Guardar los cambios
action-form-errors-heading = { $count ->
    [one] La acción no se guardó: un campo requiere atención.
   *[other] La acción no se guardó: { $count } campos requieren atención.
}
action-form-what = Qué
action-form-where = Dónde y ante quién
action-form-who = Quién
action-form-when = Cuándo
action-form-means = Presupuesto y tiempo de trabajo
action-form-outcome = Resultado
action-form-documents-hint = Un título y una dirección web (https://…) por documento; deje una fila vacía para omitirla.
action-form-document-title = Título del documento
action-form-document-url = Dirección web
action-form-document-row = Documento { $number }
action-form-date-hint = Día, mes, año: 12/03/2026 para el 12 de marzo de 2026, o 2026-03-12.
action-form-budget-hint = Un importe, con coma o punto para los decimales, y un código de moneda ISO 4217 como EUR, USD o CHF.
action-form-choose = Elija…
action-form-no-partners = Ninguna otra organización está visible para usted.
action-form-shared-hint = Solo para «Los miembros de las alianzas con las que se comparte»; la organización responsable debe ser miembro de ellas.
action-form-no-alliances = Ninguna alianza está visible para usted.
action-form-cancel = Cancelar
action-error-required = Este campo es obligatorio.
action-error-start-required = Una acción en curso tiene fecha de inicio.
action-error-too-long = Este texto es demasiado largo.
action-error-duplicate = Un valor figura dos veces.
action-error-partner-is-lead = La organización responsable no puede ser también socia.
action-error-end-before-start = El fin es anterior al inicio.
action-error-negative = Indique cero o más.
action-error-not-a-web-address = Indique una dirección web que empiece por http:// o https://.
action-error-invalid-visibility = Elija quién ve la acción; para compartirla con alianzas, marque al menos una.
action-error-unknown-organisation = Ninguna organización visible para usted tiene este nombre.
action-error-partners-unknown-organisation = Un socio es una organización que usted no puede ver; sus administradores o el administrador del sitio pueden modificar esta acción.
action-error-not-in-alliance = La organización responsable no es miembro de esta alianza.
action-error-unknown-event = Los datos de los tratados no contienen este hecho.
action-error-unknown-state = Entente no conoce este Estado.
action-error-unknown-action-type = Este tipo de acción no existe en esta instancia.
action-error-unknown-currency = No es un código de moneda ISO 4217 (por ejemplo EUR, USD, CHF).
action-error-not-an-amount = No es un importe: escriba 1234,50 o 1.234,50.
action-error-too-many-decimals = El importe tiene más decimales que la moneda.
action-error-too-large = Este importe es demasiado grande.
action-error-not-a-date = No es una fecha: escriba 12/03/2026 o 2026-03-12.
action-error-not-a-number = No es un número.
action-error-invalid-choice = Elija una de las opciones.
action-error-not-editor = Elija una organización de la que usted sea editor o administrador.
calendar-title = Calendario de las acciones de campaña
calendar-caption = Acciones de { $month } de { $year }
calendar-previous = Mes anterior
calendar-next = Mes siguiente
calendar-empty = Ninguna acción que usted pueda ver cae en este mes.
calendar-due = plazo
calendar-week = Semana del { $date }
calendar-capped = Las { $count } primeras de las { $total } acciones de este mes que usted puede ver; afine los filtros para ver las demás.
calendar-capped-more = Las { $count } primeras de las más de { $total } acciones de este mes que usted puede ver; afine los filtros para ver las demás.
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
weekday-short-1 = lun.
weekday-short-2 = mar.
weekday-short-3 = mié.
weekday-short-4 = jue.
weekday-short-5 = vie.
weekday-short-6 = sáb.
weekday-short-7 = dom.
state-actions-heading = Acciones de campaña
state-actions-count = { $count ->
    [one] Una acción de campaña que usted puede ver tiene por destinatario este Estado.
   *[other] { $count } acciones de campaña que usted puede ver tienen por destinatario este Estado.
}
state-actions-none = Ninguna acción de campaña que usted pueda ver tiene por destinatario este Estado.
state-actions-count-more = Más de { $count } acciones de campaña que usted puede ver tienen por destinatario este Estado.
state-actions-all = Todas las acciones sobre este Estado
state-actions-calendar = Su calendario

# The directory's profile, alliance reach and contacts.
org-import-link = Importar acciones desde una hoja de cálculo
org-contacts-link = Contactos
contacts-title = Contactos
contacts-lead = Las personas de esta organización que puede ver. Los contactos son datos personales: solo los miembros de la organización los ven, salvo que uno de sus administradores comparta un contacto con una alianza; cada lectura desde fuera de la organización queda en su registro de auditoría.
contacts-none = Ningún contacto visible para usted.
contact-role = Cargo
contact-phone = Teléfono
contact-languages = Idiomas
contact-languages-hint = Códigos de idioma separados por comas, como en, fr, es.
contact-consent = Acepta ser contactado
contact-consent-yes = Sí
contact-consent-no = No
contact-consent-label = Aceptó ser contactado por otras organizaciones
contact-notes = Notas
contact-shared-with = Compartido con las alianzas
contact-share-admin-only = Solo un administrador de la organización puede compartir un contacto con una alianza.
contact-save = Guardar el contacto
contact-delete = Eliminar el contacto
contact-edit-heading = Modificar el contacto
contact-new-heading = Añadir un contacto
contact-name-blank = Indique el nombre de la persona.
contact-email-invalid = Indique una dirección de correo como nombre@example.org, o deje el campo vacío.
contact-languages-invalid = Indique códigos de idioma de dos o tres letras, como en, fr, es.
contact-visibility-invalid = Un contacto es un dato personal: manténgalo dentro de la organización o compártalo con sus alianzas.
contact-shared-with-invalid = Elija al menos una alianza de la que la organización sea miembro, o mantenga el contacto dentro de la organización.
error-contact_not_found = Ningún contacto tiene el número «{ $subject }».
dir-level = Nivel
dir-level-international = Internacional
dir-level-regional = Regional
dir-level-national = Nacional
dir-sectors = Sectores
dir-sector-torture-prevention = Prevención de la tortura
dir-sector-human-rights = Derechos humanos
dir-sector-legal = Jurídico
dir-sector-health = Salud
dir-sector-detention = Detención
dir-sector-children = Infancia
dir-sector-women = Mujeres
dir-sector-disability = Discapacidad
dir-sector-migration = Migración
dir-sector-other = Otro
dir-states = Estados de trabajo
dir-states-hint = Códigos ISO de tres letras separados por comas o espacios, como FRA, SEN, MEX.
dir-states-invalid = Uno de estos códigos no designa ningún Estado: use códigos ISO de tres letras como FRA.
dir-states-unknown = Estos códigos no designan ningún Estado: { $subject }. Use códigos ISO de tres letras como FRA.
dir-regions = Grupos regionales de trabajo
dir-state = Estado
dir-region = Grupo regional
dir-filter-any = Todos
dir-filter-submit = Filtrar
dir-level-invalid = Elija un nivel.
alliance-area = Dónde hace campaña
alliance-area-save = Guardar dónde hace campaña
alliance-reach-heading = Alcance
alliance-reach-lead = Calculado sobre las organizaciones miembros que puede ver.
alliance-reach-members = Miembros contados
alliance-reach-states = Estados cubiertos
alliance-reach-none = Ninguno

search-title = Búsqueda
search-lead = Encuentre acciones, organizaciones y alianzas por sus palabras, en español, inglés o francés, con o sin tildes. Solo se encuentra lo que usted puede ver.
search-label = Palabras que buscar
search-kind-label = Entre
search-kind-all = Todo
search-kind-action = Acciones
search-kind-organisation = Organizaciones
search-kind-alliance = Alianzas
search-submit = Buscar
search-header-label = Buscar en el plan
search-none = No se encontró nada entre lo que usted puede ver.
search-heading-action = { $count ->
    [one] 1 acción
   *[other] { $count } acciones
}
search-heading-organisation = { $count ->
    [one] 1 organización
   *[other] { $count } organizaciones
}
search-heading-alliance = { $count ->
    [one] 1 alianza
   *[other] { $count } alianzas
}
search-all-action = Ver las { $count } acciones
search-all-organisation = Ver las { $count } organizaciones
search-all-alliance = Ver las { $count } alianzas
search-heading-action-more = Más de { $count } acciones
search-heading-organisation-more = Más de { $count } organizaciones
search-heading-alliance-more = Más de { $count } alianzas
search-all-action-more = Ver todas las acciones (más de { $count })
search-all-organisation-more = Ver todas las organizaciones (más de { $count })
search-all-alliance-more = Ver todas las alianzas (más de { $count })
search-problem-no-search-terms = Indique al menos una palabra que no sea una palabra común como «the», «de» o «y».
search-problem-too-long = Una búsqueda tiene como máximo 200 caracteres.
search-problem-too-many-words = Una búsqueda tiene como máximo 12 palabras.
search-pages = Páginas de resultados
search-previous = Resultados anteriores
search-next = Resultados siguientes

import-title = Importar acciones · { $name }
import-heading = Importar acciones desde una hoja de cálculo
import-lead = Suba un archivo CSV o un libro XLSX de acciones. Entente lee primero cada fila y muestra lo que encontró; nada se registra hasta que importe, y entonces se registran todas las filas o ninguna. Las filas sin organización responsable quedan a cargo de esta.
import-upload-heading = Elegir un archivo
import-file = Archivo CSV o XLSX (20 MB como máximo)
import-preview-button = Leer el archivo
import-no-file = Elija un archivo para leer.
import-unreadable = El archivo no se puede leer:
import-preview-heading = Lo que contiene el archivo
import-rows-read = { $count ->
    [one] Una fila leída
   *[other] { $count } filas leídas
}
import-mapping-problems = Algunas columnas aún no se pueden leer. Elija abajo un campo para cada encabezado desconocido, o deje la columna fuera, y vuelva a leer el archivo.
import-errors = { $count ->
    [one] Se rechaza un valor. Corríjalo en el archivo y vuelva a leerlo; no se registró nada.
   *[other] Se rechazan { $count } valores. Corríjalos en el archivo y vuelva a leerlo; no se registró nada.
}
import-col-line = Línea
import-col-field = Campo
import-col-value = Valor
import-col-reason = Motivo
import-mapping-heading = Cómo se lee cada columna
import-col-header = Encabezado en el archivo
import-col-reads-as = Se lee como
import-col-choice = Su elección
import-unknown = encabezado desconocido
import-left-out = fuera
import-recognised = reconocida por su nombre
import-choose-automatic = Como la lee Entente
import-preview-again = Volver a leer con estas elecciones
import-confirm = { $count ->
    [one] Importar la fila
   *[other] Importar las { $count } filas
}
import-done = { $count ->
    [one] Se importó una acción. La lectura de las columnas de este archivo queda recordada para su próxima importación.
   *[other] Se importaron { $count } acciones. La lectura de las columnas de este archivo queda recordada para su próxima importación.
}
import-done-link = Ver las acciones de la organización

# Tablero de coordinación
nav-board = Coordinación
board-title = Tablero de coordinación
board-lead = Dónde podrían coordinarse los planes que comparte la coalición: acciones que se solapan, carencias en el trabajo que necesita cada Estado, plazos y socios que buscar. Solo a partir de las acciones que usted puede leer.
board-filter-heading = Filtrar el tablero
board-filter-alliance = Alianza
board-filter-as-of = A fecha de
board-org-unseen = Una organización que no está en su directorio
board-overlaps-heading = Solapamientos
board-overlaps-lead = Acciones de organizaciones distintas sobre el mismo Estado y el mismo público con menos de 30 días de diferencia, las más próximas primero.
board-overlaps-none = Ninguna acción se solapa.
board-overlaps-caption = { $count ->
    [one] Un solapamiento en total (se muestran 50 como máximo)
   *[other] { $count } solapamientos en total (se muestran 50 como máximo)
}
board-col-audience = Público
board-col-first = Primera acción
board-col-second = Segunda acción
board-col-days-apart = Días de diferencia
board-col-opportunity = Oportunidad
board-opportunity-joint = Una acción conjunta
board-opportunity-sequence = Una secuencia que acordar
board-gaps-heading = Carencias
board-gaps-lead = Lo que la guía recomienda en la etapa de cada Estado y que ninguna acción prevista o en curso cubre en los próximos seis meses, obligaciones vencidas primero.
board-gaps-none = Ninguna carencia.
board-gaps-caption = Carencias por Estado, obligaciones vencidas primero
board-map-title = Carencias en el trabajo sobre cada Estado al { $date }
board-map-desc = Un mapa del mundo en el que cada Estado con carencias se colorea según la más grave; la tabla siguiente enumera las mismas carencias.
board-col-stage = Etapa
board-col-missing = Qué falta
board-col-why = Por qué
board-col-severity = Gravedad
board-severity-high = Alta
board-severity-medium = Media
board-severity-low = Baja
board-severity-none = Sin carencias halladas, o sin análisis
board-legend-heading = La carencia más grave de cada Estado
board-gap-missing-action = Ninguna acción del tipo «{ $subject }»
board-gap-untouched-audience = Nadie trabaja con este público: { $subject }
board-gap-no-national-partner = Presión solo internacional: ningún socio nacional
board-gap-no-international-leverage = Presión solo nacional: ninguna palanca internacional
board-gap-one-sector-only = Un solo sector: { $subject }
board-why-npm-overdue = Su MNP está atrasado según el art. 17; en esta etapa desde el { $date }
board-why-stage = La guía lo recomienda en esta etapa, alcanzada el { $date }
board-deadlines-heading = Plazos
board-deadlines-none = Ningún plazo.
board-rows-cut = Se muestran los { $count } primeros de { $total }; los filtros los reducen.
board-overdue = Vencido:
board-deadline-npm-due = MNP por designar (art. 17)
board-deadline-postponement-end = Fin del aplazamiento del art. 24: { $subject }
board-deadline-action-due = Vence una acción
board-partners-heading = Socios que buscar
board-partners-legend = Sugerir socios para una de sus organizaciones en un Estado
board-partner-org = Su organización
board-partner-state = Estado
board-partners-submit = Sugerir socios
board-partners-none = Ninguna organización que sugerir allí.
board-reason-acts-there = { $count ->
    [one] Tiene allí una acción abierta
   *[other] Tiene allí { $count } acciones abiertas
}
board-reason-works-there = Trabaja en este Estado
board-reason-works-in-region = Trabaja en el { $group }
board-reason-other-level = Trabaja en otro nivel: { $subject }
board-reason-new-sectors = Aporta otros sectores: { $subject }
contact-delete-title = ¿Eliminar el contacto «{ $name }»?
contact-delete-explain = Los datos de esta persona se eliminarán para su organización y para todas las alianzas con las que se compartieron. El registro de auditoría conserva constancia de la eliminación, sin los datos.
contact-delete-confirm = Sí, eliminar el contacto
