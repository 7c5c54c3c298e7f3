package io.github.biaannotations.fiji.metadata;

import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/** A titled two-column form (label, field) for the metadata dialog, with mnemonics and required marks. */
final class MetadataForm {

	private final JPanel panel = new JPanel(new GridBagLayout());
	private int row;

	MetadataForm(final String title) {
		panel.setBorder(BorderFactory.createTitledBorder(title));
	}

	/**
	 * Adds a row. The label gets the mnemonic (Alt+letter focuses the field) and a " *" when required; the
	 * component is named {@code field} and registered for error marks under that name.
	 */
	void row(final String label, final char mnemonic, final JComponent component, final boolean required,
		final String field, final Map<String, JComponent> registry)
	{
		final JLabel l = new JLabel(label + (required ? " *" : ""));
		l.setDisplayedMnemonic(mnemonic);
		final Component focus = component instanceof JScrollPane ? ((JScrollPane) component).getViewport().getView()
			: component.getComponentCount() > 0 && !(component instanceof javax.swing.JComboBox) ? component
				.getComponent(0) : component;
		l.setLabelFor(focus);
		if (focus.getName() == null) focus.setName(field);
		if (component.getName() == null) component.setName(field + ".section");
		registry.put(field, component);
		final GridBagConstraints c = new GridBagConstraints();
		c.gridy = row++;
		c.insets = new Insets(2, 4, 2, 4);
		c.anchor = GridBagConstraints.NORTHWEST;
		c.gridx = 0;
		panel.add(l, c);
		c.gridx = 1;
		c.weightx = 1;
		c.fill = GridBagConstraints.HORIZONTAL;
		panel.add(component, c);
	}

	JPanel panel() {
		return panel;
	}
}
