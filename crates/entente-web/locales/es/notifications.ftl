nav-notifications = Notificaciones
notifications-title = Notificaciones
notifications-intro = Lo que el tablero de coordinación encontró que concierne a sus organizaciones: coincidencias con sus acciones, vacíos en los Estados donde trabajan y los plazos de esos Estados y de sus acciones. Cada hallazgo aparece una sola vez, cuando se detecta.
notifications-empty = Nada por ahora. Las nuevas coincidencias, vacíos y plazos que conciernan a sus organizaciones aparecerán aquí.
notifications-looked = Últimos hallazgos reunidos el { $date } a las { $time } UTC. La lista se actualiza pocos minutos después de cada cambio del plan, y cada día.
notifications-not-looked = Sus hallazgos aún no se han reunido: aparecerán aquí en unos minutos.
notifications-unread-count = { $count ->
    [one] 1 sin leer
   *[other] { $count } sin leer
}
notifications-show-unread = Solo sin leer
notifications-show-all = Todas
notifications-filter-label = Mostrar
notifications-mark-read = Marcar como leída
notifications-mark-all-read = Marcar todo como leído
notifications-col-found = Detectada el
notifications-col-kind = Tipo
notifications-col-state = Estado
notifications-col-what = Hallazgo
notifications-col-actions = Acciones
notifications-col-status = Situación
notifications-status-unread = Sin leer
notifications-status-read = Leída
notifications-kind-overlap = Coincidencia
notifications-kind-gap = Vacío
notifications-kind-deadline = Plazo
notifications-days-apart = { $count ->
    [0] Sus fechas coinciden
    [one] Con 1 día de diferencia
   *[other] Con { $count } días de diferencia
}
notifications-overdue-since = Vencido desde el { $date }
notifications-preferences-link = Ajustes del resumen por correo
notifications-feed-title = Calendario de plazos
notifications-feed-intro = Para seguir los plazos en su agenda, suscríbase a esta dirección añadiendo un token de API (basta uno de lectura), que puede crear en la página de su cuenta:
notifications-preferences-title = Resumen por correo electrónico
notifications-preferences-intro = Reciba por correo, cada día o cada semana, las nuevas coincidencias, vacíos y plazos que conciernen a sus organizaciones. El resumen está desactivado hasta que usted lo active.
notifications-digest-legend = Frecuencia
notifications-digest-off = Nunca (solo la lista en el sitio)
notifications-digest-daily = Cada día
notifications-digest-weekly = Cada semana
notifications-language-label = Idioma de los correos
notifications-save = Guardar
notifications-saved = Sus ajustes se han guardado.
notifications-mail-subject-off = Entente: novedades que le conciernen
notifications-mail-subject-daily = Entente: las novedades de hoy que le conciernen
notifications-mail-subject-weekly = Entente: las novedades de la semana que le conciernen
notifications-mail-intro = { $count ->
    [one] El tablero de coordinación encontró 1 novedad que concierne a sus organizaciones.
   *[other] El tablero de coordinación encontró { $count } novedades que conciernen a sus organizaciones.
}
notifications-mail-section-overlap = { $count ->
    [one] 1 coincidencia con sus acciones
   *[other] { $count } coincidencias con sus acciones
}
notifications-mail-section-gap = { $count ->
    [one] 1 vacío en los Estados donde trabaja
   *[other] { $count } vacíos en los Estados donde trabaja
}
notifications-mail-section-deadline = { $count ->
    [one] 1 plazo
   *[other] { $count } plazos
}
notifications-mail-more = { $count ->
    [one] …y 1 más, en el sitio.
   *[other] …y { $count } más, en el sitio.
}
notifications-mail-list = Verlo todo en Entente
notifications-mail-preferences = Cambiar la frecuencia de este correo o dejar de recibirlo
