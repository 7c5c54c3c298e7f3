package io.github.biaannotations.fiji.metadata;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import io.github.biaannotations.metadata.Identifiers;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.metadata.ValidationProblem;
import io.github.biaannotations.model.InputException;

/**
 * The metadata dialog of the Fiji export: Study, Annotation and Authors sections and a preview of what will be
 * exported. Edits a copy of the metadata it is given, validates as the user types, enables OK only when the
 * metadata is valid, and returns nothing on Cancel. Usable with the keyboard alone: Tab moves between fields,
 * Alt+underlined letter jumps to a field, Enter is OK, Escape is Cancel.
 */
public final class MetadataDialog extends JDialog {

	private static final long serialVersionUID = 1L;

	private final MifaMetadata working;
	private final LocalDate today;
	private final MetadataFields fields = new MetadataFields();
	private final MetadataAuthorsPanel authors;
	private final JTextArea problemsArea = new JTextArea(4, 60);
	private final JButton ok = new JButton("OK");
	private final JButton cancel = new JButton("Cancel");
	private List<ValidationProblem> problems = new ArrayList<>();
	private boolean updating;
	private MifaMetadata result;

	/**
	 * A dialog editing a copy of {@code initial}; show it with {@code setVisible(true)} and read
	 * {@link #result()} afterwards, or use {@link #edit}.
	 */
	public MetadataDialog(final Window owner, final MifaMetadata initial, final MetadataPreview preview,
		final LocalDate today)
	{
		super(owner, "BioImage Archive: annotation metadata", ModalityType.APPLICATION_MODAL);
		this.working = initial.copy();
		this.today = today;
		authors = new MetadataAuthorsPanel(working.study().authors(), this::changed);
		setDefaultCloseOperation(DISPOSE_ON_CLOSE);
		addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosing(final WindowEvent e) {
				pressCancel();
			}
		});
		final JPanel left = new JPanel(new BorderLayout());
		left.add(fields.studyPanel(), BorderLayout.NORTH);
		left.add(fields.annotationPanel(), BorderLayout.CENTER);
		final JPanel right = new JPanel(new BorderLayout());
		right.add(authors, BorderLayout.CENTER);
		right.add(previewPanel(preview == null ? MetadataPreview.empty() : preview), BorderLayout.SOUTH);
		final JPanel main = new JPanel(new BorderLayout(8, 0));
		main.add(left, BorderLayout.CENTER);
		main.add(right, BorderLayout.EAST);
		main.setBorder(BorderFactory.createEmptyBorder(8, 8, 0, 8));
		getContentPane().add(main, BorderLayout.CENTER);
		getContentPane().add(bottomPanel(), BorderLayout.SOUTH);
		keyboard();
		populate();
		fields.listen(this::changed);
		changed();
		pack();
		setLocationRelativeTo(owner);
	}

	/**
	 * Shows the dialog (modal; any thread) prefilled from the remembered lab profile, and returns the edited
	 * metadata on OK (remembering its lab profile) or empty on Cancel.
	 *
	 * @throws IllegalStateException in headless mode, saying to use the YAML templates instead
	 */
	public static Optional<MifaMetadata> edit(final Window owner, final MifaMetadata initial,
		final MetadataPreview preview, final MetadataMemory memory)
	{
		if (java.awt.GraphicsEnvironment.isHeadless()) throw new IllegalStateException("The metadata dialog " +
			"needs a display; without one, give the metadata as the archive's YAML templates (export --metadata DIR)");
		final MifaMetadata start = initial.copy();
		if (memory != null) memory.prefill(start);
		final AtomicReference<MetadataDialog> d = new AtomicReference<>();
		final Runnable show = () -> {
			d.set(new MetadataDialog(owner, start, preview, ReleaseDates.today()));
			d.get().setVisible(true);
		};
		if (SwingUtilities.isEventDispatchThread()) show.run();
		else try {
			SwingUtilities.invokeAndWait(show);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (final InvocationTargetException e) {
			throw new IllegalStateException("The metadata dialog failed", e.getCause());
		}
		final Optional<MifaMetadata> r = d.get().result();
		if (memory != null) r.ifPresent(memory::remember);
		return r;
	}

	/** The metadata as accepted with OK; empty when cancelled or still open. */
	public Optional<MifaMetadata> result() {
		return Optional.ofNullable(result == null ? null : result.copy());
	}

	/** The problems shown now, errors and warnings. */
	public List<ValidationProblem> problems() {
		return new ArrayList<>(problems);
	}

	/** Presses OK when the metadata is valid. */
	void pressOk() {
		authors.stopEditing();
		changed();
		if (!ok.isEnabled()) return;
		result = working.copy();
		result.study().authors().forEach(a -> a.orcidId(Identifiers.normaliseOrcid(a.orcidId())));
		dispose();
	}

	void pressCancel() {
		result = null;
		dispose();
	}

	private JComponent previewPanel(final MetadataPreview preview) {
		final JTextArea text = new JTextArea(preview.describe());
		text.setName("preview");
		text.setEditable(false);
		text.setFocusable(false);
		text.setOpaque(false);
		final JPanel p = new JPanel(new BorderLayout());
		p.setBorder(BorderFactory.createTitledBorder("What will be exported"));
		p.add(text, BorderLayout.CENTER);
		return p;
	}

	private JPanel bottomPanel() {
		problemsArea.setName("problems");
		problemsArea.setEditable(false);
		problemsArea.setLineWrap(true);
		problemsArea.setWrapStyleWord(true);
		problemsArea.setFocusable(false);
		problemsArea.setForeground(new Color(160, 0, 0));
		final JScrollPane ps = new JScrollPane(problemsArea);
		ps.setPreferredSize(new Dimension(600, 80));
		final JButton load = new JButton("Load lab profile...");
		load.setMnemonic('P');
		load.addActionListener(e -> loadProfile());
		final JButton save = new JButton("Save lab profile...");
		save.setMnemonic('S');
		save.addActionListener(e -> saveProfile());
		ok.setName("ok");
		cancel.setName("cancel");
		ok.addActionListener(e -> pressOk());
		cancel.addActionListener(e -> pressCancel());
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
		buttons.add(new JLabel("* required   "));
		buttons.add(load);
		buttons.add(save);
		buttons.add(cancel);
		buttons.add(ok);
		final JPanel p = new JPanel(new BorderLayout());
		p.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
		p.add(ps, BorderLayout.CENTER);
		p.add(buttons, BorderLayout.SOUTH);
		return p;
	}

	private void keyboard() {
		getRootPane().setDefaultButton(ok);
		final JComponent root = getRootPane();
		root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
			"cancel");
		root.getActionMap().put("cancel", new AbstractAction() {

			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(final ActionEvent e) {
				pressCancel();
			}
		});
		root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER,
			KeyEvent.CTRL_DOWN_MASK), "ok");
		root.getActionMap().put("ok", new AbstractAction() {

			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(final ActionEvent e) {
				pressOk();
			}
		});
	}

	/** Fills the fields from the working copy. */
	private void populate() {
		updating = true;
		try {
			fields.populate(working, today);
			authors.refresh();
		}
		finally {
			updating = false;
		}
	}

	/** Re-validates after any edit and updates messages, field marks and OK. */
	private void changed() {
		if (updating) return;
		fields.collect(working);
		final List<ValidationProblem> found = new ArrayList<>();
		try {
			working.releaseDate(LocalDate.parse(fields.releaseDateText()));
		}
		catch (final DateTimeParseException e) {
			working.releaseDate(null);
			found.add(new ValidationProblem(ValidationProblem.Severity.ERROR, "Submission", "release_date", "'" +
				fields.releaseDateText() + "' is not a date; write it as YYYY-MM-DD, e.g. " + today));
		}
		found.addAll(working.validate(today));
		problems = found;
		final StringBuilder sb = new StringBuilder();
		final Set<String> bad = new LinkedHashSet<>();
		for (final ValidationProblem p : found) {
			sb.append(p.isError() ? "" : "Note: ").append(p.fieldMessage()).append('\n');
			if (p.isError()) bad.add(p.field().replaceFirst("[\\[.].*", ""));
		}
		problemsArea.setText(found.isEmpty() ? "" : sb.toString().trim());
		problemsArea.setCaretPosition(0);
		fields.mark(bad);
		authors.setError(bad.contains("authors"));
		ok.setEnabled(found.stream().noneMatch(ValidationProblem::isError));
	}

	private void loadProfile() {
		final JFileChooser fc = new JFileChooser();
		if (fc.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
		try {
			fields.collect(working);
			MetadataProfile.load(fc.getSelectedFile().toPath()).applyTo(working, true);
			populate();
			changed();
		}
		catch (final IOException | InputException e) {
			JOptionPane.showMessageDialog(this, e.getMessage(), "Lab profile not loaded", JOptionPane.ERROR_MESSAGE);
		}
	}

	private void saveProfile() {
		final JFileChooser fc = new JFileChooser();
		fc.setSelectedFile(new File("lab-profile.yaml"));
		if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
		try {
			authors.stopEditing();
			fields.collect(working);
			MetadataProfile.of(working).save(fc.getSelectedFile().toPath());
		}
		catch (final IOException | InputException e) {
			JOptionPane.showMessageDialog(this, e.getMessage(), "Lab profile not saved", JOptionPane.ERROR_MESSAGE);
		}
	}

}
