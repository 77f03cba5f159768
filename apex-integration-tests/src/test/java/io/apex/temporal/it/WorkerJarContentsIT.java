package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worker jar runs on Linux x86-64 and aarch64 (the image, the fleet), so it carries native code
 * for those two only: no Windows or macOS library, no debug symbols, no other platform's embedded
 * PostgreSQL. The shade filters in apex-worker's pom keep it so; this reads the built jar.
 */
@DisplayName("the worker jar's contents, read from the built jar")
class WorkerJarContentsIT {
  /** The target for the jar (it was 325 MB with every platform's native code). */
  private static final long MAX_BYTES = 150_000_000L;

  /** Native code and what ships beside it: libraries, symbols, packed PostgreSQL binaries. */
  private static final Pattern NATIVE =
      Pattern.compile(
          ".*(\\.so|\\.so\\.[0-9.]+|\\.dll|\\.dylib|\\.jnilib|\\.pdb|\\.exe|\\.a|\\.txz)$"
              + "|.*\\.dsym/.*");

  /** A path that names Linux on x86-64 or aarch64 (each library's own spelling of the two). */
  private static final Pattern LINUX_X64_OR_ARM64 =
      Pattern.compile(
          ".*linux.*(x86[-_]64|x64|amd64|aarch[-_]?64|arm64).*"
              + "|META-INF/native/lib[a-z_]+_(x86_64|aarch_64)\\.so");

  private static List<String> nativeEntries() throws IOException {
    try (ZipFile jar = new ZipFile(ChildWorker.workerJar().toFile())) {
      return jar.stream()
          .filter(entry -> !entry.isDirectory())
          .map(ZipEntry::getName)
          .filter(name -> NATIVE.matcher(name.toLowerCase(Locale.ROOT)).matches())
          .toList();
    }
  }

  /** Not for Linux x86-64 or aarch64: another system, another CPU, or musl (Alpine). */
  private static boolean foreign(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".pdb")
        || lower.endsWith(".dll")
        || lower.endsWith(".dylib")
        || lower.endsWith(".jnilib")
        || lower.endsWith(".exe")
        || lower.contains(".dsym/")
        || lower.contains("alpine")
        || !LINUX_X64_OR_ARM64.matcher(name).matches();
  }

  @Test
  void carriesNoWindowsOrMacOsNativeLibraryAndNoDebugSymbols() throws IOException {
    List<String> natives = nativeEntries();
    // The jar does carry native code (ONNX Runtime, the tokenizer, PostgreSQL, gRPC's TLS).
    assertThat(natives)
        .anyMatch(name -> name.contains("onnxruntime/native/linux-x64/"))
        .anyMatch(name -> name.contains("onnxruntime/native/linux-aarch64/"))
        .anyMatch(name -> name.startsWith("postgres-linux-x86_64"));
    assertThat(natives.stream().filter(WorkerJarContentsIT::foreign).toList()).isEmpty();
  }

  @Test
  void isAtMostOneHundredFiftyMegabytes() throws IOException {
    Path jar = ChildWorker.workerJar();
    assertThat(Files.size(jar)).as("size of %s in bytes", jar).isLessThanOrEqualTo(MAX_BYTES);
  }
}
