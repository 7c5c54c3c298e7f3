/**
 * The annotation formats export writes, behind one interface ({@link
 * io.github.biaannotations.formats.AnnotationFormat}: name, suffix, what it holds, its writer and how the file
 * list describes its files), registered in {@link io.github.biaannotations.formats.AnnotationFormats}: GeoJSON,
 * COCO JSON, points CSV, over the streaming writers of {@code geojson}, {@code coco} and {@code csv}. No ImageJ
 * types here: ImageJ's pixel mask of a ROI reaches COCO as a {@link io.github.biaannotations.model.PixelMask}.
 */
package io.github.biaannotations.formats;
