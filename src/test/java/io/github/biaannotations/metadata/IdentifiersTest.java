package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

	@Test
	void orcid_check_digits() {
		// ORCID's documented examples, one with check digit X
		assertTrue(Identifiers.hasValidOrcidCheckDigit("0000-0002-1825-0097"));
		assertTrue(Identifiers.hasValidOrcidCheckDigit("0000-0002-1694-233X"));
		assertTrue(Identifiers.hasValidOrcidCheckDigit("https://orcid.org/0000-0001-5109-3700"));
		assertFalse(Identifiers.hasValidOrcidCheckDigit("0000-0002-1825-0098"));
		assertFalse(Identifiers.hasValidOrcidCheckDigit("0000-0002-1825-009"));
		assertEquals('7', Identifiers.orcidCheckDigit("000000021825009"));
		assertEquals('X', Identifiers.orcidCheckDigit("000000021694233"));
	}

	@Test
	void orcid_forms_normalise_to_bare() {
		assertEquals("0000-0002-1825-0097", Identifiers.normaliseOrcid("https://orcid.org/0000-0002-1825-0097"));
		assertEquals("0000-0002-1825-0097", Identifiers.normaliseOrcid("http://www.orcid.org/0000-0002-1825-0097/"));
		assertEquals("0000-0002-1825-0097", Identifiers.normaliseOrcid("ORCID:0000-0002-1825-0097"));
		assertEquals("0000-0002-1694-233X", Identifiers.normaliseOrcid(" 0000-0002-1694-233x "));
		assertEquals("not an id", Identifiers.normaliseOrcid("not an id"));
	}

	@Test
	void ror_and_email_syntax() {
		assertTrue(Identifiers.isRorSyntax("02catss52"));
		assertTrue(Identifiers.isRorSyntax("https://ror.org/02catss52"));
		assertTrue(Identifiers.isRorSyntax("ROR:03dbr7087"));
		assertFalse(Identifiers.isRorSyntax("12catss52"), "must start with 0");
		assertFalse(Identifiers.isRorSyntax("02catsl52"), "l is not in ROR's alphabet");
		assertFalse(Identifiers.isRorSyntax("02catss5"));
		assertTrue(Identifiers.isEmailSyntax("inge.ambros@ccri.at"));
		assertFalse(Identifiers.isEmailSyntax("inge.ambros(at)ccri.at"));
		assertFalse(Identifiers.isEmailSyntax("inge @ccri.at"));
		assertFalse(Identifiers.isEmailSyntax("inge@ccri"));
	}
}
