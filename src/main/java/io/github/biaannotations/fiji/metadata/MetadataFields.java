package io.github.biaannotations.fiji.metadata;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.KeyboardFocusManager;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.border.Border;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.License;
import io.github.biaannotations.metadata.MifaMetadata;

/**
 * The Study and Annotation fields of the metadata dialog: builds their panels, copies values between the fields
 * and the metadata, and marks fields that have errors. Each field is named after its MIFA key (e.g.
 * {@code funding_statement}) so that validation messages and tests find it.
 */
final class MetadataFields {

	private static final Border ERROR_BORDER = BorderFactory.createLineBorder(new Color(200, 0, 0), 2);
	private static final String NO_LICENSE = "(choose)";

	private final Map<String, JComponent> fieldComponents = new HashMap<>();
	private final Map<JComponent, Border> originalBorders = new HashMap<>();
	private final Map<AnnotationType, JCheckBox> typeBoxes = new EnumMap<>(AnnotationType.class);
	private final JTextField title = new JTextField(40);
	private final JTextArea description = area(4);
	private final JTextField keywords = new JTextField();
	private final JComboBox<Object> license = new JComboBox<>(new Object[] { NO_LICENSE, License.CC_BY, License.CC0 });
	private final JTextArea funding = area(2);
	private final JTextField releaseDate = new JTextField(10);
	private final JTextField overview = new JTextField();
	private final JTextArea method = area(3);
	private final JTextArea criteria = area(2);
	private final JTextField coverage = new JTextField();
	private final JTextField confidence = new JTextField();

	JPanel studyPanel() {
		final MetadataForm f = new MetadataForm("Study");
		f.row("Title", 'T', title, true, "title", fieldComponents);
		f.row("Description", 'D', scroll(description), true, "description", fieldComponents);
		f.row("Keywords (comma separated)", 'K', keywords, true, "keywords", fieldComponents);
		f.row("Licence", 'L', license, true, "license", fieldComponents);
		f.row("Funding statement", 'F', scroll(funding), true, "funding_statement", fieldComponents);
		f.row("Release date (YYYY-MM-DD)", 'R', releaseDate, true, "release_date", fieldComponents);
		return f.panel();
	}

	JPanel annotationPanel() {
		final MetadataForm f = new MetadataForm("Annotation");
		f.row("Overview", 'O', overview, true, "annotation_overview", fieldComponents);
		final JPanel types = new JPanel(new GridLayout(0, 1));
		for (final AnnotationType t : AnnotationType.values()) {
			final JCheckBox box = new JCheckBox("<html><b>" + t.value() + "</b>: " + t.help() + "</html>");
			box.setName("type." + t.value());
			box.setToolTipText(t.help());
			box.setFont(box.getFont().deriveFont(Font.PLAIN, box.getFont().getSize2D() - 1));
			typeBoxes.put(t, box);
			types.add(box);
		}
		f.row("Types", 'Y', types, true, "annotation_type", fieldComponents);
		f.row("Method", 'M', scroll(method), true, "annotation_method", fieldComponents);
		f.row("Criteria", 'I', scroll(criteria), false, "annotation_criteria", fieldComponents);
		f.row("Coverage", 'V', coverage, false, "annotation_coverage", fieldComponents);
		f.row("Confidence", 'N', confidence, false, "annotation_confidence_level", fieldComponents);
		return f.panel();
	}

	/** Calls {@code changed} after every edit of any field. */
	void listen(final Runnable changed) {
		final DocumentListener dl = new DocumentListener() {

			@Override
			public void insertUpdate(final DocumentEvent e) { changed.run(); }

			@Override
			public void removeUpdate(final DocumentEvent e) { changed.run(); }

			@Override
			public void changedUpdate(final DocumentEvent e) { changed.run(); }
		};
		for (final JTextComponent t : new JTextComponent[] { title, description, keywords, funding, releaseDate,
			overview, method, criteria, coverage, confidence })
			t.getDocument().addDocumentListener(dl);
		license.addActionListener(e -> changed.run());
		typeBoxes.values().forEach(b -> b.addActionListener(e -> changed.run()));
	}

	/** Fills the fields from the metadata; a missing release date shows as {@code today}. */
	void populate(final MifaMetadata m, final LocalDate today) {
		title.setText(nz(m.study().title()));
		description.setText(nz(m.study().description()));
		keywords.setText(String.join(", ", m.study().keywords()));
		final Optional<License> l = License.parse(m.study().license());
		license.setSelectedItem(l.isPresent() ? l.get() : NO_LICENSE);
		funding.setText(nz(m.study().fundingStatement()));
		releaseDate.setText(m.releaseDateOr(today).toString());
		overview.setText(nz(m.annotations().overview()));
		method.setText(nz(m.annotations().method()));
		criteria.setText(nz(m.annotations().criteria()));
		coverage.setText(nz(m.annotations().coverage()));
		confidence.setText(nz(m.annotations().confidenceLevel()));
		final Set<String> fromFiles = new LinkedHashSet<>();
		m.annotations().files().forEach(f -> fromFiles.addAll(f.types()));
		for (final Map.Entry<AnnotationType, JCheckBox> e : typeBoxes.entrySet()) {
			final String v = e.getKey().value();
			final boolean inFiles = fromFiles.contains(v);
			// types the exported files use are fixed by the export: shown ticked, not editable
			e.getValue().setSelected(inFiles || m.annotations().types().contains(v));
			e.getValue().setEnabled(!inFiles);
			e.getValue().setToolTipText(e.getKey().help() + (inFiles ? " (used by the exported files)" : ""));
		}
	}

	/** Copies the fields into the metadata (all but the release date, see {@link #releaseDateText()}). */
	void collect(final MifaMetadata m) {
		m.study().title(blankToNull(title.getText())).description(blankToNull(description.getText()));
		m.study().keywords().clear();
		for (final String k : keywords.getText().split("\\s*[,;]\\s*"))
			if (!k.trim().isEmpty()) m.study().keywords().add(k.trim());
		final Object l = license.getSelectedItem();
		m.study().license(l instanceof License ? ((License) l).mifa() : null);
		m.study().fundingStatement(blankToNull(funding.getText()));
		m.annotations().overview(blankToNull(overview.getText())).method(blankToNull(method.getText()))
			.criteria(blankToNull(criteria.getText())).coverage(blankToNull(coverage.getText()))
			.confidenceLevel(blankToNull(confidence.getText()));
		m.annotations().types().clear();
		for (final Map.Entry<AnnotationType, JCheckBox> e : typeBoxes.entrySet())
			if (e.getValue().isSelected() && e.getValue().isEnabled()) m.annotations().types().add(e.getKey().value());
	}

	/** The release date as typed, trimmed. */
	String releaseDateText() {
		return releaseDate.getText().trim();
	}

	/** Gives the fields named in {@code bad} (top-level MIFA keys) a red border, and the others their own. */
	void mark(final Set<String> bad) {
		for (final Map.Entry<String, JComponent> e : fieldComponents.entrySet()) {
			final JComponent c = e.getValue();
			if (!originalBorders.containsKey(c)) originalBorders.put(c, c.getBorder());
			c.setBorder(bad.contains(e.getKey()) ? ERROR_BORDER : originalBorders.get(c));
		}
	}

	private static JTextArea area(final int rows) {
		final JTextArea a = new JTextArea(rows, 30);
		a.setLineWrap(true);
		a.setWrapStyleWord(true);
		// Tab moves to the next field, as everywhere else in the dialog
		a.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
		a.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
		return a;
	}

	private static JScrollPane scroll(final JTextArea a) {
		return new JScrollPane(a);
	}

	private static String nz(final String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(final String s) {
		return s == null || s.trim().isEmpty() ? null : s;
	}
}
