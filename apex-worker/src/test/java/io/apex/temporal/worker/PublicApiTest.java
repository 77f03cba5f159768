package io.apex.temporal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.ClientConnections;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What other services may depend on: the public packages of apex-worker, apex-client,
 * apex-workflows and apex-ingestion hold exactly the types listed here, none of their public
 * signatures names an internal type, and every internal package says in its package-info that it
 * has no compatibility promise. Reads the modules' class files and sources; plain reflection on the
 * public signatures.
 */
@DisplayName("public API of apex-worker, apex-client, apex-workflows and apex-ingestion")
class PublicApiTest {
  private static final String NO_PROMISE = "no compatibility promise";

  /** The public API. A change here is a change to what other services may use: say so. */
  private static final Set<String> PUBLIC_TYPES =
      Set.of(
          "io.apex.temporal.client.BadSettingException",
          "io.apex.temporal.client.ClientConnections",
          "io.apex.temporal.client.ConnectedClient",
          "io.apex.temporal.client.DocumentOutcome",
          "io.apex.temporal.client.DocumentOutcome$Kind",
          "io.apex.temporal.client.IngestionClient",
          "io.apex.temporal.client.MissingKeyFile",
          "io.apex.temporal.client.StartedIngestion",
          "io.apex.temporal.client.TemporalUnreachableException",
          "io.apex.temporal.client.WorkflowDataConverter",
          "io.apex.temporal.ingestion.AccessKey",
          "io.apex.temporal.ingestion.AccessKeys",
          "io.apex.temporal.ingestion.AccessKeys$CreatedKey",
          "io.apex.temporal.ingestion.DocumentCatalog",
          "io.apex.temporal.ingestion.DocumentListing",
          "io.apex.temporal.ingestion.DocumentRequest",
          "io.apex.temporal.ingestion.DocumentSearch",
          "io.apex.temporal.ingestion.EntityDetail",
          "io.apex.temporal.ingestion.EntityDetail$MentioningDocument",
          "io.apex.temporal.ingestion.EntityDetail$RelatedEntity",
          "io.apex.temporal.ingestion.EntityGraph",
          "io.apex.temporal.ingestion.EntitySummary",
          "io.apex.temporal.ingestion.IngestionComponents",
          "io.apex.temporal.ingestion.IngestionMetrics",
          "io.apex.temporal.ingestion.IngestionSettings",
          "io.apex.temporal.ingestion.SearchHit",
          "io.apex.temporal.ingestion.SearchMode",
          "io.apex.temporal.ingestion.SearchQuery",
          "io.apex.temporal.ingestion.StagedUpload",
          "io.apex.temporal.ingestion.StoredDocument",
          "io.apex.temporal.worker.runtime.DrainOutcome",
          "io.apex.temporal.worker.runtime.Managed",
          "io.apex.temporal.worker.runtime.Readiness",
          "io.apex.temporal.worker.runtime.Readiness$State",
          "io.apex.temporal.worker.runtime.WorkerMetrics",
          "io.apex.temporal.worker.runtime.WorkerRuntime",
          "io.apex.temporal.worker.runtime.WorkerRuntime$Builder",
          "io.apex.temporal.workflows.WorkflowCatalog",
          "io.apex.temporal.workflows.greeting.GreetingActivities",
          "io.apex.temporal.workflows.greeting.GreetingStage",
          "io.apex.temporal.workflows.greeting.GreetingStatus",
          "io.apex.temporal.workflows.greeting.GreetingWorkflow",
          "io.apex.temporal.workflows.ingestion.DocumentIds",
          "io.apex.temporal.workflows.ingestion.DocumentIngestionActivities",
          "io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow",
          "io.apex.temporal.workflows.ingestion.IngestionFailures",
          "io.apex.temporal.workflows.ingestion.IngestionOutcome",
          "io.apex.temporal.workflows.ingestion.IngestionRequest",
          "io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow",
          "io.apex.temporal.workflows.ingestion.DeletionRequest",
          "io.apex.temporal.workflows.ingestion.DeletionResult",
          "io.apex.temporal.workflows.ingestion.IngestionResult",
          "io.apex.temporal.workflows.ingestion.IngestionSearchAttributes",
          "io.apex.temporal.workflows.ingestion.IngestionStage",
          "io.apex.temporal.workflows.ingestion.IngestionStatus",
          "io.apex.temporal.workflows.ingestion.ParsedDocument",
          "io.apex.temporal.workflows.ingestion.StagedDocument",
          "io.apex.temporal.workflows.ingestion.WrittenDocument");

  /** A module's classes: its class folder, or its jar. */
  private static List<Class<?>> classesOf(Class<?> anchor) throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return classesUnder(location);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return classesUnder(jar.getPath("/"));
    }
  }

  private static List<Class<?>> classesUnder(Path root) throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!relative.startsWith("io/apex/") || relative.endsWith("package-info.class")) {
          continue;
        }
        String name =
            relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        try {
          classes.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(name, e);
        }
      }
    }
    return classes;
  }

  private static List<Class<?>> allClasses() throws IOException, URISyntaxException {
    List<Class<?>> all = new ArrayList<>(classesOf(WorkerRuntime.class));
    all.addAll(classesOf(ClientConnections.class));
    all.addAll(classesOf(WorkflowCatalog.class));
    all.addAll(classesOf(IngestionComponents.class));
    return all;
  }

  private static boolean isInternal(String packageName) {
    return packageName.contains(".internal.") || packageName.endsWith(".internal");
  }

  /** Public, and reachable from outside: every enclosing class public too. */
  private static boolean exported(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return !isInternal(type.getPackageName());
  }

  @Test
  void thePublicPackagesHoldExactlyTheListedTypes() throws Exception {
    Set<String> exported = new TreeSet<>();
    for (Class<?> type : allClasses()) {
      if (exported(type)) {
        exported.add(type.getName());
      }
    }
    assertThat(exported).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : allClasses()) {
      if (!exported(type)) {
        continue;
      }
      check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
      for (Type implemented : type.getGenericInterfaces()) {
        check(type.getName() + " implements", implemented, leaks);
      }
      for (Field field : type.getDeclaredFields()) {
        if (visible(field.getModifiers())) {
          check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        checkExecutable(type.getName() + ".<init>", constructor, leaks);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (!method.isSynthetic()) {
          checkExecutable(type.getName() + "." + method.getName(), method, leaks);
          check(type.getName() + "." + method.getName(), method.getGenericReturnType(), leaks);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfoAndEveryInternalOneDisclaimsCompatibility() throws Exception {
    // Surefire runs in the module's folder; the other modules' sources are beside it.
    List<Path> sourceRoots =
        List.of(
            Path.of("src/main/java"),
            Path.of("../apex-client/src/main/java"),
            Path.of("../apex-workflows/src/main/java"),
            Path.of("../apex-ingestion/src/main/java"));
    Set<String> packages = new TreeSet<>();
    for (Class<?> type : allClasses()) {
      packages.add(type.getPackageName());
    }
    assertThat(packages).anyMatch(PublicApiTest::isInternal);
    List<String> problems = new ArrayList<>();
    for (String name : packages) {
      Path relative = Path.of(name.replace('.', '/'), "package-info.java");
      Path info =
          sourceRoots.stream()
              .map(root -> root.resolve(relative))
              .filter(Files::isRegularFile)
              .findFirst()
              .orElse(null);
      if (info == null) {
        problems.add(name + ": no package-info.java");
      } else if (isInternal(name)
          && !Files.readString(info).replaceAll("\\s*\\*\\s*|\\s+", " ").contains(NO_PROMISE)) {
        problems.add(name + ": package-info does not say '" + NO_PROMISE + "'");
      }
    }
    assertThat(problems).isEmpty();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkExecutable(String where, Executable executable, List<String> leaks) {
    if (!visible(executable.getModifiers()) || executable.isSynthetic()) {
      return;
    }
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(where + "(parameter)", parameter, leaks);
    }
    for (Type thrown : executable.getGenericExceptionTypes()) {
      check(where + "(throws)", thrown, leaks);
    }
  }

  private static void check(String where, Type type, List<String> leaks) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (!element.isPrimitive() && isInternal(element.getPackageName())) {
        leaks.add(where + " names " + element.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks);
      Arrays.stream(p.getActualTypeArguments()).forEach(a -> check(where, a, leaks));
    } else if (type instanceof WildcardType w) {
      Arrays.stream(w.getUpperBounds()).forEach(b -> check(where, b, leaks));
      Arrays.stream(w.getLowerBounds()).forEach(b -> check(where, b, leaks));
    } else if (type instanceof GenericArrayType a) {
      check(where, a.getGenericComponentType(), leaks);
    } else if (type instanceof TypeVariable<?> v) {
      Arrays.stream(v.getBounds()).forEach(b -> check(where, b, leaks));
    }
  }
}
