/**
 * Fiji integration. This package holds the scripting service ({@link
 * io.github.biaannotations.fiji.AnnotationExportService}: {@code #@ AnnotationExportService exporter}) and the
 * bridge of the core's progress to Fiji's status bar ({@link io.github.biaannotations.fiji.StatusProgress});
 * {@code fiji.commands} the SciJava commands of {@code Plugins > BioImage Archive}, {@code fiji.metadata} the
 * metadata dialog, {@code fiji.macro} the macro runner and recorder that the command line's {@code run} uses.
 */
package io.github.biaannotations.fiji;
