# La ficha de país: una página para imprimir por Estado.
state-brief-link = Ficha de país, para imprimir o guardar en PDF
brief-title = Ficha de país: { $name }
brief-back = Página completa de { $name }
brief-print-hint = Para imprimir esta ficha o guardarla en PDF, use la orden Imprimir de su navegador (Ctrl+P, o ⌘P en un Mac). La navegación no se imprime.
brief-kicker = Ficha de país sobre el OPCAT
brief-produced = Elaborada el { $date } a las { $time } UTC
brief-as-of = Situación al { $date }
brief-reader-public = Edición pública: solo los registros que sus propietarios han hecho públicos.
brief-reader-member = Incluye lo que sus organizaciones y alianzas pueden ver, en parte no público: compártala con prudencia.
brief-demo-mark = Datos de demostración.
brief-demo = Algunos registros de esta ficha fueron inventados por la orden entente demo para mostrar cómo funciona Entente: no describen nada real.
brief-status-heading = Situación de los tratados y plazos
brief-npm-heading = Mecanismo nacional de prevención
brief-npm-records = Según los registros de la coalición
brief-assessment-heading = Evaluación según los criterios del OPCAT, por punto de vista
brief-spt-heading = Visitas del SPT y seguimiento
brief-actions-heading = Lo que hace la coalición
brief-actions-caption = { $count ->
    [0] Ninguna acción de la coalición visible para usted del { $start } al { $end }.
    [one] Una acción del { $start } al { $end }.
   *[other] { $count } acciones del { $start } al { $end }.
}
brief-col-action = Acción
brief-col-status = Estado de la acción
brief-gaps-heading = Carencias y plazos
brief-gaps-none = Ninguna carencia: el plan cubre lo que la guía recomienda en esta etapa para los próximos seis meses.
brief-col-missing = Lo que nadie prevé
brief-col-why = Por qué importa
brief-col-severity = Gravedad
brief-rows-cut = Se muestran los { $count } primeros de { $total }.
brief-board-link = Tablero de coordinación de este Estado
brief-actions-link = Todas las acciones de estos meses
brief-sources-heading = Fuentes y fechas
brief-colophon = Elaborada por Entente a partir de la Colección de Tratados de las Naciones Unidas, las fuentes públicas sobre los MNP y los registros compartidos de la coalición. La calificación de cada punto de vista se cita tal cual, nunca promediada.
