package com.wedsync.calsync.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid inputs the way broken servers and attackers do: flipped bytes,
 * truncations, splices of two inputs, repeated lines, dictionary tokens and deep nesting.
 * Deterministic for a given {@link Random}, so a seed reproduces an input.
 *
 * @param corpus valid inputs to start from
 * @param dictionary tokens of the format (keywords, delimiters) worth inserting
 * @param open text opening one nesting level
 * @param close text closing it
 */
public record Mutations(List<byte[]> corpus, List<String> dictionary, String open, String close) {

	/** One to four stacked mutations of a corpus entry. */
	public byte[] next(Random random) {
		byte[] input = this.corpus.get(random.nextInt(this.corpus.size()));
		int rounds = 1 + random.nextInt(4);
		for (int i = 0; i < rounds; i++) {
			input = mutate(input, random);
		}
		return input;
	}

	private byte[] mutate(byte[] input, Random random) {
		int at = (input.length == 0) ? 0 : random.nextInt(input.length + 1);
		return switch (random.nextInt(8)) {
			case 0 -> flipBytes(input, random);
			case 1 -> slice(input, 0, at);
			case 2 -> splice(input, at, slice(other(random), random.nextInt(64), 64 + random.nextInt(512)));
			case 3 -> duplicateLine(input, random);
			case 4 -> splice(input, at, token(random));
			case 5 -> splice(input, at, nesting(random));
			case 6 -> concat(slice(input, 0, at),
					slice(input, Math.min(input.length, at + random.nextInt(200)), input.length));
			default -> splice(input, at, randomBytes(random));
		};
	}

	private byte[] other(Random random) {
		return this.corpus.get(random.nextInt(this.corpus.size()));
	}

	private byte[] token(Random random) {
		return this.dictionary.get(random.nextInt(this.dictionary.size())).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] nesting(Random random) {
		int depth = 1 << random.nextInt(12);
		return (this.open.repeat(depth) + this.close.repeat(random.nextBoolean() ? depth : random.nextInt(depth + 1)))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] flipBytes(byte[] input, Random random) {
		byte[] copy = input.clone();
		for (int i = 0, flips = 1 + random.nextInt(8); i < flips && copy.length > 0; i++) {
			copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
		}
		return copy;
	}

	private static byte[] duplicateLine(byte[] input, Random random) {
		String text = new String(input, StandardCharsets.ISO_8859_1);
		String[] lines = text.split("\n", -1);
		int line = random.nextInt(lines.length);
		String copies = (lines[line] + "\n").repeat(1 + random.nextInt(random.nextBoolean() ? 4 : 500));
		int at = text.indexOf(lines[line]);
		return (text.substring(0, at) + copies + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[1 + random.nextInt(16)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] slice(byte[] input, int from, int to) {
		int start = Math.min(from, input.length);
		int end = Math.max(start, Math.min(to, input.length));
		byte[] part = new byte[end - start];
		System.arraycopy(input, start, part, 0, part.length);
		return part;
	}

	private static byte[] splice(byte[] input, int at, byte[] insert) {
		return concat(concat(slice(input, 0, at), insert), slice(input, at, input.length));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
		out.writeBytes(a);
		out.writeBytes(b);
		return out.toByteArray();
	}

}
