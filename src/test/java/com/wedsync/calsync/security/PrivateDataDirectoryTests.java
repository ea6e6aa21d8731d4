package com.wedsync.calsync.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory is owner-only before the database opens, and calsync's files in it
 * (a real H2 file database among them) are owner-only once the service is ready.
 */
class PrivateDataDirectoryTests {

	@TempDir
	Path temp;

	Path dataDir;

	PrivateDataDirectory privateDirectory = new PrivateDataDirectory();

	@BeforeEach
	void setUp() {
		// The service runs on POSIX file systems; anything else must fail here, not skip.
		assertThat(this.temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
		this.dataDir = this.temp.resolve("data");
		this.privateDirectory
			.setEnvironment(new MockEnvironment().withProperty("calsync.data-dir", this.dataDir.toString()));
	}

	@Test
	void shouldCreateTheDirectoryOwnerOnlyBeforeTheBeansAndCloseCalsyncsFilesWhenReady() throws Exception {
		this.privateDirectory.postProcessBeanFactory(null);
		assertThat(mode(this.dataDir)).isEqualTo("rwx------");

		// H2 creates its files with the process's umask
		try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + this.dataDir.resolve("calsync"), "sa", "")) {
			h2.createStatement().execute("CREATE TABLE t (id INT)");
		}
		Path database = this.dataDir.resolve("calsync.mv.db");
		Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
		Path password = Files.writeString(this.dataDir.resolve("admin-password"), "x");
		Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
		Path key = Files.writeString(this.dataDir.resolve("credential.key"), "x");
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
		Path foreign = Files.writeString(this.dataDir.resolve("notes.txt"), "not ours");
		Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rw-r--r--"));

		this.privateDirectory.onApplicationEvent(null);

		assertThat(mode(database)).isEqualTo("rw-------");
		assertThat(mode(password)).isEqualTo("rw-------");
		assertThat(mode(key)).isEqualTo("rw-------");
		assertThat(mode(foreign)).isEqualTo("rw-r--r--");
	}

	@Test
	void shouldCloseAnExistingOpenDirectoryAndItsFilesAtStartup() throws Exception {
		Files.createDirectories(this.dataDir);
		Files.setPosixFilePermissions(this.dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path database = Files.writeString(this.dataDir.resolve("calsync.mv.db"), "x");
		Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

		this.privateDirectory.postProcessBeanFactory(null);

		assertThat(mode(this.dataDir)).isEqualTo("rwx------");
		assertThat(mode(database)).isEqualTo("rw-------");
	}

	@Test
	void shouldNotChangeAFileOutsideThroughALink() throws Exception {
		Path outside = Files.writeString(this.temp.resolve("elsewhere"), "x");
		Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
		Files.createDirectories(this.dataDir);
		Files.createSymbolicLink(this.dataDir.resolve("calsync.mv.db"), outside);

		this.privateDirectory.postProcessBeanFactory(null);

		assertThat(mode(outside)).isEqualTo("rw-r--r--");
	}

	@Test
	void shouldGenerateTheAdminPasswordOwnerOnly() throws Exception {
		new AdminSecurityConfiguration().adminUsers("admin", "", this.dataDir,
				PasswordEncoderFactories.createDelegatingPasswordEncoder());

		assertThat(mode(this.dataDir.resolve("admin-password"))).isEqualTo("rw-------");
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
