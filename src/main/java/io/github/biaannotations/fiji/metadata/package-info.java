/**
 * The MIFA metadata dialog (Swing): study, annotation and author fields with validation as you type, a preview
 * of what will be exported, remembered fields and lab profiles ({@link
 * io.github.biaannotations.fiji.metadata.MetadataDialog}).
 */
package io.github.biaannotations.fiji.metadata;
