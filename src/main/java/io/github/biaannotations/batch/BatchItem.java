package io.github.biaannotations.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One image of a batch with the ROI files and label images paired with it by name. */
public final class BatchItem {

	private final Path image;
	private final List<Path> roiFiles;
	private final List<Path> labelFiles;

	public BatchItem(final Path image, final List<Path> roiFiles, final List<Path> labelFiles) {
		this.image = image;
		this.roiFiles = Collections.unmodifiableList(new ArrayList<>(roiFiles));
		this.labelFiles = Collections.unmodifiableList(new ArrayList<>(labelFiles));
	}

	public Path image() { return image; }
	public List<Path> roiFiles() { return roiFiles; }
	public List<Path> labelFiles() { return labelFiles; }

	/** Every input file of the item: the image first. */
	public List<Path> inputs() {
		final List<Path> all = new ArrayList<>();
		all.add(image);
		all.addAll(roiFiles);
		all.addAll(labelFiles);
		return all;
	}

	@Override
	public String toString() {
		return image.getFileName() + " + " + roiFiles.size() + " ROI file(s) + " + labelFiles.size() + " label image(s)";
	}
}
