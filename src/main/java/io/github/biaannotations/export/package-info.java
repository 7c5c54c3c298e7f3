/**
 * Export: one image after another, its ROIs, label images and outlines in every format asked for, into a
 * package folder ({@link io.github.biaannotations.export.PackageExport}, the one entry point), with one
 * options value for every front end ({@link io.github.biaannotations.export.ExportOptions}). Each image is
 * exported through a per-image context ({@code ImageContext}) that decides once where its ROIs come from.
 */
package io.github.biaannotations.export;
