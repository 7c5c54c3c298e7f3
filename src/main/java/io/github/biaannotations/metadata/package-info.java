/**
 * MIFA metadata of a BioImage Archive submission: the model ({@link io.github.biaannotations.metadata.MifaMetadata}
 * with study, annotation, version and file-level parts), reading and writing the archive's own YAML templates
 * ({@code Study.yaml}, {@code Annotations.yaml}, {@code Version.yaml}), validation with messages that name the
 * field and say how to fix it ({@link io.github.biaannotations.metadata.MifaValidator}), and the PageTab JSON of
 * the submission ({@link io.github.biaannotations.metadata.PageTabBuilder}). No ImageJ or Swing types here.
 */
package io.github.biaannotations.metadata;
