# Importación de recomendaciones desde una hoja de cálculo, y
# recomendaciones abiertas que ninguna acción impulsa, en el tablero de
# coordinación.
recimport-title = Importar recomendaciones · { $name }
recimport-heading = Importar recomendaciones desde una hoja de cálculo
recimport-lead = Suba un archivo CSV o un libro XLSX con las recomendaciones que sigue esta organización: una fila por recomendación, con el Estado, el órgano que la formuló (SPT, Comité contra la Tortura, EPU, CPT, Comisión Interamericana o Africana, MNP), el documento de origen, el texto y, si los tiene, sus temas, su estado de seguimiento y quién puede verla. Entente lee primero todas las filas y muestra lo que encontró; nada se registra antes de importar, y entonces se registran todas las filas o ninguna. Si no se indica la visibilidad, la recomendación queda privada para esta organización.
recimport-done = { $count ->
    [one] Se importó una recomendación. La lectura de las columnas de este archivo queda guardada para su próxima importación.
   *[other] Se importaron { $count } recomendaciones. La lectura de las columnas de este archivo queda guardada para su próxima importación.
}
recimport-done-link = Ver las recomendaciones
recs-import = Importar desde una hoja de cálculo para { $name }
unpushed-heading = Recomendaciones que ninguna acción impulsa
unpushed-lead = Recomendaciones abiertas (ni aplicadas ni rechazadas) a las que no está vinculada ninguna acción prevista, en curso o realizada que usted pueda ver. Vincule una acción a una recomendación desde su página en cuanto alguien la asuma.
unpushed-none = Cada recomendación abierta que usted puede ver está impulsada por al menos una acción.
unpushed-caption = Recomendaciones abiertas sin acción, por Estado
unpushed-col-body = Órgano
unpushed-col-source = Fuente
unpushed-col-recommendation = Recomendación
unpushed-col-status = Seguimiento
