package com.wedsync.calsync.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The data directory ({@code calsync.data-dir}) holds the generated admin password, the
 * generated credential key and the embedded H2 database: it is made {@code rwx------}
 * before any bean starts, so before H2 opens a file there, and the directory's mode is
 * the real protection, whatever mode H2 gives its files. Once the application is ready,
 * calsync's own files there ({@code admin-password}, {@code credential.key*},
 * {@code calsync.*}, H2's) are made {@code rw-------} too, for the day the directory is
 * opened up or a file is copied out. Only those names are touched: a data directory
 * pointed at a shared folder keeps its other files' modes. Nothing is done on a file
 * system without POSIX permissions; a file calsync may not change (another owner) is
 * logged.
 */
@Component
class PrivateDataDirectory
		implements BeanFactoryPostProcessor, EnvironmentAware, ApplicationListener<ApplicationReadyEvent> {

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Log logger = LogFactory.getLog(PrivateDataDirectory.class);

	private Path directory;

	@Override
	public void setEnvironment(Environment environment) {
		this.directory = Path.of(environment.getProperty("calsync.data-dir", "./data"));
	}

	/** Before any bean, H2's data source included, is created. */
	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		closeDirectory(this.directory);
		closeFiles(this.directory);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		closeFiles(this.directory);
	}

	/** Creates the directory if needed and makes it owner-only. */
	static void closeDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
			restrict(directory, DIRECTORY);
		}
		catch (IOException ex) {
			logger.warn("Could not make the data directory " + directory + " owner-only: " + ex);
		}
	}

	/** Makes calsync's files in the directory owner-only. */
	static void closeFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			files.filter(PrivateDataDirectory::isOurs)
				.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.forEach((file) -> {
					try {
						restrict(file, FILE);
					}
					catch (IOException ex) {
						logger.warn("Could not make " + file + " owner-only: " + ex);
					}
				});
		}
		catch (IOException ex) {
			logger.warn("Could not list the data directory " + directory + ": " + ex);
		}
	}

	private static boolean isOurs(Path file) {
		String name = file.getFileName().toString();
		return name.equals("admin-password") || name.startsWith("credential.key") || name.startsWith("calsync.");
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		// never through a link: that could change a file outside the directory
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		if (view != null && !view.readAttributes().permissions().equals(permissions)) {
			view.setPermissions(permissions);
		}
	}

}
