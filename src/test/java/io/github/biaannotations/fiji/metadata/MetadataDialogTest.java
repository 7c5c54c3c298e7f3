package io.github.biaannotations.fiji.metadata;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.Author;
import io.github.biaannotations.metadata.FileLevelMetadata;
import io.github.biaannotations.metadata.License;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.Organisation;

/**
 * The metadata dialog driven as a user would, on a real (virtual) display: fill it, see a validation message,
 * fix it, press OK, get the metadata. Skips when there is no display; run under Xvfb with
 * {@code xvfb-run -a mvn test -Dtest=MetadataDialogTest -Djava.awt.headless=false}.
 */
class MetadataDialogTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	private MetadataDialog dialog;

	@BeforeEach
	void display() {
		Required.that(!GraphicsEnvironment.isHeadless(),
			"there is no display (run the GUI tests under xvfb-run, as scripts/test does)");
	}

	@AfterEach
	void close() throws Exception {
		if (dialog != null) onEdt(() -> {
			dialog.dispose();
			return null;
		});
	}

	static MifaMetadata initial() {
		final MifaMetadata m = new MifaMetadata();
		m.study().title("Nuclei of nuclei2d.tif").description("Hand-drawn outlines of nuclei in a fluorescence image.")
			.license(License.CC_BY);
		m.study().keywords().addAll(Arrays.asList("nucleus", "segmentation"));
		final Author a = new Author("Ada", "Lovelace").email("ada@example.org").orcidId("0000-0002-1825-0098");
		a.roles().add("data annotation");
		a.organisations().add(new Organisation("Analytical Engine Lab", "London", "02catss52"));
		m.study().authors().add(a);
		m.study().authors().add(new Author("Charles", "Babbage").email("charles@example.org"));
		m.study().linkUrls().add("https://example.org/code");
		m.annotations().overview("Outlines of all nuclei.").method("Drawn with Fiji's freehand tool, checked twice.");
		m.annotations().files().add(FileLevelMetadata.forFile("annotations/nuclei2d/nuclei2d.geojson",
			"images/nuclei2d.tif", AnnotationType.GEOMETRICAL_ANNOTATIONS, Instant.parse("2026-11-28T12:00:00Z"),
			null, null));
		return m;
	}

	static MetadataPreview preview() {
		final Map<String, Integer> types = new LinkedHashMap<>();
		types.put("Polygon", 183);
		types.put("Point", 12);
		final Map<String, Integer> planes = new LinkedHashMap<>();
		planes.put("z=1", 150);
		planes.put("all planes", 45);
		return new MetadataPreview("nuclei2d.tif", types, planes, 1, 4, 1_234_567);
	}

	private void open(final MifaMetadata m) throws Exception {
		dialog = onEdt(() -> new MetadataDialog(null, m, preview(), TODAY));
		SwingUtilities.invokeLater(() -> dialog.setVisible(true));
		waitFor(() -> dialog.isShowing());
	}

	@Test
	void fill_see_message_fix_and_ok() throws Exception {
		final MifaMetadata m = initial();
		open(m);
		final AbstractButton ok = find("ok", AbstractButton.class);
		assertFalse(onEdt(ok::isEnabled), "invalid metadata: OK disabled");
		final String shown = onEdt(() -> find("problems", JTextArea.class).getText());
		assertTrue(shown.contains("authors[0].orcid_id: '0000-0002-1825-0098' of Ada Lovelace has a wrong check " +
			"digit"), shown);
		assertTrue(shown.contains("funding_statement: missing"), shown);

		onEdt(() -> {
			final JTable t = find("authors", JTable.class);
			t.getModel().setValueAt("0000-0002-1825-0097", 0, 3);
			return null;
		});
		final String after = onEdt(() -> find("problems", JTextArea.class).getText());
		assertFalse(after.contains("orcid_id"), "fixed ORCID no longer reported: " + after);
		assertFalse(onEdt(ok::isEnabled), "funding still missing");
		screenshot();

		onEdt(() -> {
			find("funding_statement", JTextComponent.class).setText("Funded by the Example Foundation.");
			find("type.point_annotations", AbstractButton.class).doClick();
			return null;
		});
		assertTrue(onEdt(ok::isEnabled), () -> "valid now: " + dialog.problems());
		onEdt(() -> {
			ok.doClick();
			return null;
		});
		waitFor(() -> !dialog.isShowing());
		final MifaMetadata r = dialog.result().orElseThrow(() -> new AssertionError("OK gives metadata"));
		assertEquals("Funded by the Example Foundation.", r.study().fundingStatement());
		assertEquals("0000-0002-1825-0097", r.study().authors().get(0).orcidId());
		assertEquals("London", r.study().authors().get(0).organisations().get(0).address(), "address kept");
		assertEquals(Arrays.asList("point_annotations"), r.annotations().types());
		assertEquals(Arrays.asList("point_annotations", "geometrical_annotations"), r.annotations()
			.effectiveTypes(), "declared types first, then those of the files");
		assertEquals(TODAY, r.releaseDate());
		assertEquals("0000-0002-1825-0098", m.study().authors().get(0).orcidId(), "the caller's object untouched");
	}

	@Test
	void cancel_with_escape_changes_nothing() throws Exception {
		final MifaMetadata m = initial();
		final String before = m.toCombinedYaml();
		open(m);
		onEdt(() -> {
			find("title", JTextComponent.class).setText("Changed");
			find("author.add", AbstractButton.class).doClick();
			final JComponent any = find("title", JComponent.class);
			any.dispatchEvent(new KeyEvent(any, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0,
				KeyEvent.VK_ESCAPE, KeyEvent.CHAR_UNDEFINED));
			return null;
		});
		waitFor(() -> !dialog.isShowing());
		assertFalse(dialog.result().isPresent());
		assertEquals(before, m.toCombinedYaml(), "nothing changed in the caller's metadata");
	}

	@Test
	void keyboard_alone_enter_accepts_and_mnemonics_focus_fields() throws Exception {
		final MifaMetadata m = initial();
		m.study().authors().get(0).orcidId("https://orcid.org/0000-0002-1825-0097");
		m.study().fundingStatement("None.");
		open(m);
		// Alt+F jumps to the funding statement
		onEdt(() -> {
			final JComponent any = find("title", JComponent.class);
			any.dispatchEvent(new KeyEvent(any, KeyEvent.KEY_PRESSED, System.currentTimeMillis(),
				KeyEvent.ALT_DOWN_MASK, KeyEvent.VK_F, KeyEvent.CHAR_UNDEFINED));
			return null;
		});
		final Component funding = onEdt(() -> find("funding_statement", JComponent.class));
		// Swing moves focus to the label on key press and on to its field on key release, as a real key does
		waitFor(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() != null);
		onEdt(() -> {
			final Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
			owner.dispatchEvent(new KeyEvent(owner, KeyEvent.KEY_RELEASED, System.currentTimeMillis(),
				KeyEvent.ALT_DOWN_MASK, KeyEvent.VK_F, KeyEvent.CHAR_UNDEFINED));
			return null;
		});
		waitFor(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() == funding);
		// Enter in a text field presses OK
		onEdt(() -> {
			final JComponent title = find("title", JComponent.class);
			title.dispatchEvent(new KeyEvent(title, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0,
				KeyEvent.VK_ENTER, '\n'));
			return null;
		});
		waitFor(() -> !dialog.isShowing());
		assertEquals("0000-0002-1825-0097", dialog.result().get().study().authors().get(0).orcidId());
	}

	@Test
	void authors_can_be_added_reordered_and_removed() throws Exception {
		open(initial());
		onEdt(() -> {
			final JTable t = find("authors", JTable.class);
			t.setRowSelectionInterval(1, 1);
			find("author.up", AbstractButton.class).doClick();
			assertEquals("Charles", t.getModel().getValueAt(0, 0));
			find("author.add", AbstractButton.class).doClick();
			assertEquals(3, t.getRowCount());
			assertEquals(1, t.getSelectedRow(), "new author after the selected one");
			assertEquals(null, t.getModel().getValueAt(1, 0));
			return null;
		});
		assertTrue(onEdt(() -> find("problems", JTextArea.class).getText()).contains(
			"authors[1].author_first_name: missing"));
		onEdt(() -> {
			find("author.remove", AbstractButton.class).doClick();
			assertEquals(2, find("authors", JTable.class).getRowCount());
			find("license", JComboBox.class).setSelectedIndex(0);
			return null;
		});
		assertTrue(onEdt(() -> find("problems", JTextArea.class).getText()).contains("license: missing"));
		assertFalse(onEdt(() -> find("problems", JTextArea.class).getText()).contains("author_first_name"));
	}

	@Test
	void edit_from_a_command_thread_prefills_and_remembers() throws Exception {
		final org.scijava.Context context = new org.scijava.Context(org.scijava.prefs.PrefService.class);
		try {
			final MetadataMemory memory = new MetadataMemory(context.service(org.scijava.prefs.PrefService.class));
			memory.forget();
			final MifaMetadata remembered = initial();
			remembered.study().authors().get(0).orcidId("0000-0002-1825-0097");
			remembered.study().fundingStatement("Remembered funding.");
			memory.remember(remembered);
			final MifaMetadata fresh = initial();
			fresh.study().authors().clear();
			final AtomicReference<java.util.Optional<MifaMetadata>> result = new AtomicReference<>();
			final Thread command = new Thread(() -> result.set(MetadataDialog.edit(null, fresh, preview(), memory)));
			command.start();
			waitFor(() -> java.util.Arrays.stream(java.awt.Window.getWindows()).anyMatch(w -> w instanceof MetadataDialog &&
				w.isShowing()));
			dialog = onEdt(() -> (MetadataDialog) java.util.Arrays.stream(java.awt.Window.getWindows()).filter(
				w -> w instanceof MetadataDialog && w.isShowing()).findFirst().get());
			assertEquals("Remembered funding.", onEdt(() -> find("funding_statement", JTextComponent.class)
				.getText()));
			assertEquals(2, onEdt(() -> find("authors", JTable.class).getRowCount()));
			onEdt(() -> {
				find("funding_statement", JTextComponent.class).setText("New funding.");
				find("ok", AbstractButton.class).doClick();
				return null;
			});
			command.join(10_000);
			assertEquals("New funding.", result.get().get().study().fundingStatement());
			final MifaMetadata next = new MifaMetadata();
			memory.prefill(next);
			assertEquals("New funding.", next.study().fundingStatement(), "OK remembers the lab profile");
			memory.forget();
		}
		finally {
			context.dispose();
		}
	}

	@Test
	void preview_shows_counts_and_size() throws Exception {
		open(initial());
		final String text = onEdt(() -> find("preview", JTextArea.class).getText());
		assertTrue(text.contains("ROIs: 195"), text);
		assertTrue(text.contains("Polygon: 183"), text);
		assertTrue(text.contains("z=1: 150"), text);
		assertTrue(text.contains("Label images: 1"), text);
		assertTrue(text.contains("Files: 4, about 1.2 MB"), text);
	}

	private void screenshot() throws Exception {
		final BufferedImage img = onEdt(() -> {
			final BufferedImage i = new BufferedImage(dialog.getRootPane().getWidth(), dialog.getRootPane()
				.getHeight(), BufferedImage.TYPE_INT_RGB);
			dialog.getRootPane().printAll(i.getGraphics());
			return i;
		});
		final Path out = Paths.get(System.getProperty("bia.screenshot", "target/metadata-dialog.png"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		ImageIO.write(img, "png", out.toFile());
		assertTrue(Files.size(out) > 10_000, "a real picture");
	}

	private <T> T find(final String name, final Class<T> type) {
		final Component c = find(dialog, name);
		assertNotNull(c, "component " + name);
		return type.cast(c);
	}

	private static Component find(final Container root, final String name) {
		for (final Component c : root.getComponents()) {
			if (name.equals(c.getName())) return c;
			if (c instanceof Container) {
				final Component f = find((Container) c, name);
				if (f != null) return f;
			}
		}
		return null;
	}

	private static <T> T onEdt(final Callable<T> task) throws Exception {
		final AtomicReference<T> r = new AtomicReference<>();
		final AtomicReference<Throwable> err = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			try {
				r.set(task.call());
			}
			catch (final Throwable t) {
				err.set(t);
			}
		});
		if (err.get() instanceof Error) throw (Error) err.get();
		if (err.get() != null) throw new RuntimeException(err.get());
		return r.get();
	}

	private static void waitFor(final Callable<Boolean> condition) throws Exception {
		final long end = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < end) {
			final AtomicReference<Boolean> ok = new AtomicReference<>(false);
			SwingUtilities.invokeAndWait(() -> {
				try {
					ok.set(condition.call());
				}
				catch (final Exception e) {
					throw new RuntimeException(e);
				}
			});
			if (ok.get()) return;
			Thread.sleep(50);
		}
		throw new AssertionError("condition not met within 10 s");
	}
}
