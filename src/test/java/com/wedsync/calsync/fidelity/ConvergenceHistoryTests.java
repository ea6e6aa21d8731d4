package com.wedsync.calsync.fidelity;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.fidelity.ConvergenceHistory.Edit;
import com.wedsync.calsync.fidelity.ConvergenceHistory.PhoneEdit;
import com.wedsync.calsync.fidelity.ConvergenceHistory.PlatformEdit;
import com.wedsync.calsync.fidelity.ConvergenceHistory.Step;
import com.wedsync.calsync.fidelity.ConvergenceHistory.Sync;

import static org.assertj.core.api.Assertions.assertThat;

/** Generating and shrinking histories, without a server. */
class ConvergenceHistoryTests {

	@Test
	void shouldGenerateTheSameHistoryFromTheSameSeed() {
		assertThat(ConvergenceHistory.generate(42)).isEqualTo(ConvergenceHistory.generate(42));
		assertThat(ConvergenceHistory.generate(42).steps()).hasSizeBetween(3, 8);
	}

	@Test
	void shouldShrinkToTheStepsTheFailureNeeds() {
		Step split = new PhoneEdit("couple", "lessons", Edit.SPLIT, "A1", 2);
		Step exclusion = new PlatformEdit("lessons", Edit.DELETE_OCCURRENCE, "B2", 3);
		ConvergenceHistory history = new ConvergenceHistory(7,
				List.of(new Sync(), split, new PlatformEdit("ceremony", Edit.SUMMARY, "C0", 1), new Sync(), exclusion,
						new PhoneEdit("vendor", "ceremony", Edit.LOCATION, "A5", 1)));

		ConvergenceHistory minimal = history
			.shrink((candidate) -> candidate.steps().contains(split) && candidate.steps().contains(exclusion));

		assertThat(minimal.steps()).containsExactly(split, exclusion);
		assertThat(minimal.seed()).isEqualTo(7);
	}

}
