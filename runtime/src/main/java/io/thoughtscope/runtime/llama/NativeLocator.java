package io.thoughtscope.runtime.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the llama.cpp natives that came with this build and picks the backend to use: the one
 * the user asked for, else the best that can work here (Metal on Apple silicon, CUDA when its
 * runtime libraries are installed, Vulkan when a Vulkan loader is, else the CPU).
 */
public final class NativeLocator {

    /** System property (or THOUGHTSCOPE_NATIVES) naming the folder with one sub-folder per native set. */
    public static final String PROPERTY = "thoughtscope.natives";

    private NativeLocator() {
    }

    /** The folder that holds the native sets, found from the property, the environment or the code location. */
    public static Path root() {
        String p = System.getProperty(PROPERTY, System.getenv("THOUGHTSCOPE_NATIVES"));
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        // next to the jars of an installed or launcher-built app: <lib>/../natives
        try {
            Path code = Path.of(NativeLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("natives");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
                Path built = dir.resolve("natives").resolve("target").resolve("natives");
                if (Files.isDirectory(built)) {
                    return built;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the error below
        }
        throw new LlamaException("The llama.cpp libraries were not found. Set -D" + PROPERTY
                + "=FOLDER (or THOUGHTSCOPE_NATIVES) to the folder the build put them in (natives/target/natives).");
    }

    /** The native sets present under {@code root}, best first. */
    public static List<NativeSet> available(Path root) {
        String platform = platform();
        List<NativeSet> sets = new ArrayList<>();
        for (Backend b : List.of(Backend.METAL, Backend.CUDA, Backend.VULKAN, Backend.CPU)) {
            Path dir = root.resolve(folder(platform, b));
            if (Files.isDirectory(dir) && hasLlama(dir)) {
                sets.add(new NativeSet(b, dir));
            }
        }
        // Apple silicon's default package is the Metal build
        if (platform.equals("mac-arm64")) {
            Path dir = root.resolve("mac-arm64-metal");
            if (Files.isDirectory(dir) && hasLlama(dir) && sets.stream().noneMatch(s -> s.backend() == Backend.METAL)) {
                sets.addFirst(new NativeSet(Backend.METAL, dir));
            }
        }
        return sets;
    }

    /**
     * The set to load: {@code wanted} if given (an error if it is not built in or cannot run
     * here), else the best available one whose system libraries are present.
     */
    public static NativeSet choose(Path root, Backend wanted) {
        List<NativeSet> sets = available(root);
        if (sets.isEmpty()) {
            throw new LlamaException("No llama.cpp libraries for " + platform() + " in " + root
                    + ". Build them with ./build package (they are fetched with npm).");
        }
        if (wanted != null) {
            NativeSet set = sets.stream().filter(s -> s.backend() == wanted).findFirst().orElseThrow(() ->
                    new LlamaException("This build has no " + wanted.key() + " libraries (it has "
                            + String.join(", ", sets.stream().map(s -> s.backend().key()).toList())
                            + "). Rebuild with ./build package -Dthoughtscope.gpu=" + wanted.key() + "."));
            missingSystemLibrary(wanted).ifPresent(lib -> {
                throw new LlamaException("The " + wanted.key() + " backend needs " + lib
                        + ", which is not installed here. Install the " + wanted.key() + " runtime or use --gpu cpu.");
            });
            return set;
        }
        for (NativeSet s : sets) {
            if (missingSystemLibrary(s.backend()).isEmpty()) {
                return s;
            }
        }
        return sets.getLast();
    }

    /** The first system library the backend needs and this machine lacks. */
    static Optional<String> missingSystemLibrary(Backend backend) {
        List<String> libs = switch (backend) {
            case CPU, METAL -> List.of();
            case CUDA -> windows() ? List.of("cudart64_13.dll", "cublas64_13.dll", "nvcuda.dll")
                    : List.of("libcuda.so.1", "libcudart.so.13", "libcublas.so.13");
            case VULKAN -> windows() ? List.of("vulkan-1.dll") : List.of("libvulkan.so.1");
        };
        for (String lib : libs) {
            if (!loadable(lib)) {
                return Optional.of(lib);
            }
        }
        return Optional.empty();
    }

    private static boolean loadable(String library) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(library, arena);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasLlama(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("libllama.") || n.startsWith("llama.") && n.endsWith(".dll");
            });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String folder(String platform, Backend b) {
        return switch (b) {
            case CPU -> platform;
            case METAL -> platform + "-metal";
            case CUDA -> platform + "-cuda";
            case VULKAN -> platform + "-vulkan";
        };
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch;
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "mac" : os.contains("win") ? "win" : os;
        return o + "-" + a;
    }

    static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
