package dev.catapult.bench.scan;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reaches {@code dev.catapult.bench.MarkdownSections} and {@code MachineInfo}, which are package-private in
 * {@code dev.catapult.bench}, so this driver writes docs/benchmarks.md and describes the machine exactly as
 * the other drivers do instead of keeping copies. Once those classes are public, call them directly and
 * delete this class.
 */
final class SharedBenchHelpers {
  private SharedBenchHelpers() {}

  static void replaceSection(Path file, String name, String markdown) throws Exception {
    Method replace = Class.forName("dev.catapult.bench.MarkdownSections")
        .getDeclaredMethod("replace", Path.class, String.class, String.class);
    replace.setAccessible(true);
    replace.invoke(null, file, name, markdown);
  }

  /** The machine's description, component name → value, in MachineInfo's order. */
  static Map<String, String> machine() throws Exception {
    Class<?> type = Class.forName("dev.catapult.bench.MachineInfo");
    Method read = type.getDeclaredMethod("read");
    read.setAccessible(true);
    Object info = read.invoke(null);
    Map<String, String> values = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      values.put(component.getName(), String.valueOf(accessor.invoke(info)));
    }
    return values;
  }

  static String loadAverage() throws Exception {
    Method load = Class.forName("dev.catapult.bench.MachineInfo").getDeclaredMethod("loadAverage");
    load.setAccessible(true);
    return String.valueOf(load.invoke(null));
  }
}
