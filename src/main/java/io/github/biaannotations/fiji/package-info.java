/**
 * Fiji integration: the SciJava commands of {@code Plugins > BioImage Archive} (every parameter a plain value,
 * so the macro recorder records one line and headless runs need no dialog), the scripting service {@link
 * io.github.biaannotations.fiji.AnnotationExportService}, the metadata dialog, and {@link
 * io.github.biaannotations.fiji.MacroCommandRunner} which runs the commands by label with macro options
 * without Fiji. Validation, pushing and the local archive server are plugin types ({@link
 * io.github.biaannotations.fiji.PackageValidator}, {@link io.github.biaannotations.fiji.ArchivePusher}, {@link
 * io.github.biaannotations.fiji.LocalArchiveLauncher}) that the submission and archive modules implement.
 */
package io.github.biaannotations.fiji;
