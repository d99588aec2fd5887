# La página que pide confirmación antes de eliminar un registro.
delete-keep = No, conservarlo
