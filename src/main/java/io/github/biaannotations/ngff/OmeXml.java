package io.github.biaannotations.ngff;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import ome.units.UNITS;
import ome.units.quantity.Length;
import ome.units.quantity.Time;
import ome.units.unit.Unit;
import ome.xml.meta.OMEXMLMetadataImpl;
import ome.xml.meta.OMEXMLMetadataRoot;
import ome.xml.model.MetadataOnly;
import ome.xml.model.enums.DimensionOrder;
import ome.xml.model.enums.PixelType;
import ome.xml.model.primitives.Color;
import ome.xml.model.primitives.PositiveInteger;

import org.w3c.dom.Document;

import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.ImageChannel;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.Units;
import io.github.biaannotations.zarr.DataType;

/**
 * Builds the {@code OME/METADATA.ome.xml} of an image's OME-Zarr with the OME data model, so readers built
 * on Bio-Formats see the image's name, dimensions, pixel type, physical sizes, frame interval and channels.
 */
public final class OmeXml {

	private static final Map<String, Unit<Length>> LENGTHS = new HashMap<>();
	private static final Map<String, Unit<Time>> TIMES = new HashMap<>();

	static {
		LENGTHS.put("micrometer", UNITS.MICROMETER);
		LENGTHS.put("nanometer", UNITS.NANOMETER);
		LENGTHS.put("millimeter", UNITS.MILLIMETER);
		LENGTHS.put("centimeter", UNITS.CENTIMETER);
		LENGTHS.put("meter", UNITS.METER);
		LENGTHS.put("picometer", UNITS.PICOMETER);
		LENGTHS.put("angstrom", UNITS.ANGSTROM);
		LENGTHS.put("inch", UNITS.INCH);
		TIMES.put("second", UNITS.SECOND);
		TIMES.put("millisecond", UNITS.MILLISECOND);
		TIMES.put("microsecond", UNITS.MICROSECOND);
		TIMES.put("minute", UNITS.MINUTE);
		TIMES.put("hour", UNITS.HOUR);
		TIMES.put("day", UNITS.DAY);
	}

	private OmeXml() {}

	/** The OME-XML document of an image, as a string. */
	public static String build(final IntensityImage image) {
		final RasterPlanes h = RasterPlanes.of(image);
		final OMEXMLMetadataImpl meta = new OMEXMLMetadataImpl();
		meta.createRoot();
		meta.setImageID("Image:0", 0);
		meta.setImageName(image.name(), 0);
		meta.setPixelsID("Pixels:0", 0);
		meta.setPixelsDimensionOrder(DimensionOrder.XYZCT, 0);
		meta.setPixelsType(pixelType(h.dataType()), 0);
		meta.setPixelsBigEndian(Boolean.FALSE, 0);
		meta.setPixelsSizeX(new PositiveInteger(h.sizeX()), 0);
		meta.setPixelsSizeY(new PositiveInteger(h.sizeY()), 0);
		meta.setPixelsSizeZ(new PositiveInteger(h.sizeZ()), 0);
		meta.setPixelsSizeC(new PositiveInteger(h.sizeC()), 0);
		meta.setPixelsSizeT(new PositiveInteger(h.sizeT()), 0);
		final Calibration cal = h.calibration();
		final String space = Units.space(cal.spaceUnit());
		if (space != null) {
			final Unit<Length> unit = LENGTHS.get(space);
			meta.setPixelsPhysicalSizeX(new Length(cal.pixelWidth(), unit), 0);
			meta.setPixelsPhysicalSizeY(new Length(cal.pixelHeight(), unit), 0);
			if (h.sizeZ() > 1) meta.setPixelsPhysicalSizeZ(new Length(cal.pixelDepth(), unit), 0);
		}
		final String time = Units.time(cal.timeUnit());
		if (time != null && h.sizeT() > 1) meta.setPixelsTimeIncrement(new Time(cal.frameInterval(), TIMES.get(
			time)), 0);
		for (int c = 0; c < h.sizeC(); c++) {
			final ImageChannel ch = image.channels().get(c);
			meta.setChannelID("Channel:0:" + c, 0, c);
			if (ch.name() != null) meta.setChannelName(ch.name(), 0, c);
			meta.setChannelSamplesPerPixel(new PositiveInteger(1), 0, c);
			meta.setChannelColor(new Color(ch.colour().red(), ch.colour().green(), ch.colour().blue(), 255), 0, c);
		}
		final OMEXMLMetadataRoot root = (OMEXMLMetadataRoot) meta.getRoot();
		root.getImage(0).getPixels().setMetadataOnly(new MetadataOnly());
		try {
			final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
			doc.appendChild(root.asXMLElement(doc));
			final Transformer t = TransformerFactory.newInstance().newTransformer();
			t.setOutputProperty(OutputKeys.INDENT, "yes");
			t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			final StringWriter out = new StringWriter();
			t.transform(new DOMSource(doc), new StreamResult(out));
			return out.toString();
		}
		catch (final ParserConfigurationException | TransformerException e) {
			throw new IllegalStateException("cannot serialise OME-XML for image \"" + image.name() + "\"", e);
		}
	}

	private static PixelType pixelType(final DataType t) {
		switch (t) {
			case UINT8:
				return PixelType.UINT8;
			case INT8:
				return PixelType.INT8;
			case UINT16:
				return PixelType.UINT16;
			case INT16:
				return PixelType.INT16;
			case UINT32:
				return PixelType.UINT32;
			case INT32:
				return PixelType.INT32;
			case FLOAT32:
				return PixelType.FLOAT;
			case FLOAT64:
				return PixelType.DOUBLE;
			default:
				throw new IllegalArgumentException("OME-XML has no pixel type for " + t);
		}
	}
}
