action-field-signal = Señal anónima
action-form-signal-hint = Una acción privada o reservada a una alianza puede dejar ver a los demás solo su tipo, sus públicos, sus Estados y su mes, y permitirles pedir un contacto a través de Entente. Si se deja según la organización, sigue la opción elegida por sus administradores.
action-signal-default = Según la configuración de la organización
action-signal-on = Activada: emitir una señal anónima
action-signal-off = Desactivada: ninguna señal
action-error-signal-public-action = Una acción pública se ve entera: elija «desactivada» o la configuración de la organización.
