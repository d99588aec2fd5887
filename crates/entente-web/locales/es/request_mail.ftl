request-mail-subject = Solicitud de contacto sobre «{ $subject }»
request-mail-intro = Un miembro de otra organización vio la señal anónima de la acción «{ $subject }» de { $name } y pide que los pongan en contacto:
request-mail-hidden = Quién la envió solo se comunica al administrador que responde, en Entente. Responder le transmite sus datos de contacto y le indica quién respondió; rechazar solo le informa de ello.
request-mail-link = Responder a la solicitud o rechazarla
