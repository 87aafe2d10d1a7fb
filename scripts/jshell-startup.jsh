// Imports for scripts/jshell.sh, loaded after JShell's DEFAULT startup (java.util.*, java.util.function.*, ...).
import org.equireg.core.*;
import org.equireg.nn.*;
// By name: the on-demand import above loses to java.lang.Module, which every Java file sees.
import org.equireg.nn.Module;
import org.equireg.nn.data.*;
import org.equireg.regularizer.*;
import org.equireg.regularizer.samplers.*;
import org.equireg.regularizer.transforms.*;
