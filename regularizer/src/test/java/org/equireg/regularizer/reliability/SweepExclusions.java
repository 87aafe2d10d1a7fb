package org.equireg.regularizer.reliability;

import java.util.Map;
import java.util.TreeMap;

/** Entry points {@link ValidationSweepTest} has no row for, each with the reason. */
final class SweepExclusions {
    private static final String ANY_DOUBLE = "takes only doubles, every one valid: NaN and infinities propagate as in IEEE arithmetic";
    private static final String ANY_BOOLEAN = "takes only a boolean; both values are valid";
    private static final String ANY_LONG = "takes only a seed; every long is valid";
    private static final String ANY_SHORT = "decodes bits; every short is a valid bit pattern";
    private static final String RESULT = "a result value the library builds and callers read; its components are not validated";
    private static final String SHAPES = "shape arithmetic for op authors, called with shapes an op has already validated;"
            + " the ops' own rows cover the user-facing checks";

    private SweepExclusions() {
    }

    /** Package prefixes (relative to {@code org.equireg}) left out whole. */
    static final Map<String, String> PACKAGES = Map.of(
            "core.kernels", "internal: public only so core's ops can call them; callers pass shapes already validated by the op",
            "core.ops", "internal: the primitives behind Tensor's methods, public only for Primitives and the tests;"
                    + " each is reached through a Tensor row");

    /** Single methods, by {@link PublicApi} signature. */
    static final Map<String, String> METHODS = methods();

    private static Map<String, String> methods() {
        Map<String, String> reasons = new TreeMap<>();
        for (String operation : new String[] {"add", "sub", "mul", "div", "pow", "gt", "lt", "leakyRelu"}) {
            reasons.put("core.Tensor#" + operation + "(double)", ANY_DOUBLE);
        }
        reasons.put("core.Tensor#scalar(double)", ANY_DOUBLE);
        reasons.put("core.Tensor#requiresGrad(boolean)", ANY_BOOLEAN);
        reasons.put("nn.Erf#erf(double)", ANY_DOUBLE);
        reasons.put("nn.Erf#erfc(double)", ANY_DOUBLE);
        reasons.put("nn.NormalCdf#density(double)", ANY_DOUBLE);
        reasons.put("core.io.Dtype#halfToDouble(short)", ANY_SHORT);
        reasons.put("core.io.Dtype#bfloat16ToDouble(short)", ANY_SHORT);
        reasons.put("nn.Init#seed(long)", ANY_LONG);
        reasons.put("regularizer.EquivarianceError.Builder#seed(long)", ANY_LONG);
        reasons.put("nn.Module#train(boolean)", ANY_BOOLEAN);
        reasons.put("regularizer.EquivarianceError.Builder#batchForwardPasses(boolean)", ANY_BOOLEAN);
        reasons.put("regularizer.EquivarianceError.Builder#dropoutActive(boolean)", ANY_BOOLEAN);
        reasons.put("regularizer.EquivarianceError.Builder#withReplacement(boolean)", ANY_BOOLEAN);
        reasons.put("core.io.Dtype#forName(String)", "a lookup whose contract returns null for any unknown name, null included");
        reasons.put("core.GradCheckError#new(String)", "an exception's constructor; any message is accepted, as Throwable's");
        reasons.put("core.io.MalformedSafeTensorsException#new(String)", "an exception's constructor; any message is accepted");
        reasons.put("core.io.MalformedSafeTensorsException#new(String, MalformedSafeTensorsException)",
                "an exception's constructor; any message and cause are accepted");
        reasons.put("core.Derivative#apply(Saved, Tensor)", "a callback op authors implement and only the engine calls, with a non-null gradient");
        reasons.put("core.Saved#input(int)", "handed only to a derivative rule by the engine; an index out of range throws as an array's");
        reasons.put("core.Saved#needsGrad(int)", "handed only to a derivative rule by the engine; an index out of range throws as an array's");
        reasons.put("core.Storage#get(int)", "element access for kernels and update rules, as an array's: out of range throws ArrayIndexOutOfBoundsException");
        reasons.put("core.Storage#set(int, double)", "element access as an array's; every double is valid (float32 rounds)");
        reasons.put("core.Storage.F64#get(int)", "element access as an array's");
        reasons.put("core.Storage.F64#set(int, double)", "element access as an array's");
        reasons.put("core.Storage.F32#get(int)", "element access as an array's");
        reasons.put("core.Storage.F32#set(int, double)", "element access as an array's");
        reasons.put("core.Storage#sameArray(Storage)", "an identity comparison; any argument, null included, has an answer");
        reasons.put("core.Storage.F64#sameArray(Storage)", "an identity comparison; any argument, null included, has an answer");
        reasons.put("core.Storage.F32#sameArray(Storage)", "an identity comparison; any argument, null included, has an answer");
        reasons.put("core.io.AtomicFile.Content#writeTo(FileChannel)", "a callback the caller implements and only AtomicFile.write calls");
        reasons.put("nn.Module#forward(Tensor)", "abstract; every layer's forward has its own row");
        reasons.put("regularizer.transforms.Transform#draw(RandomGenerator)",
                "a fixed transform is its own draw; it never reads the generator, so any value, null included, is valid");
        reasons.put("nn.Optimizer.ParameterState#buffer(String)",
                "handed only to an optimizer's own update rule, with the buffer names it declared; an undeclared one throws IllegalStateException");
        reasons.put("nn.Optimizer.ParameterState#has(String)", "handed only to an optimizer's own update rule; any name has an answer");
        reasons.put("nn.Init.Fans#new(int, int)", RESULT);
        reasons.put("nn.Module.LoadResult#new(List, List)", RESULT);
        reasons.put("nn.data.Batch#new(List, int[])", RESULT);
        reasons.put("nn.data.Split#new(TensorDataset, TensorDataset)", RESULT);
        reasons.put("regularizer.EquivarianceReport#new(List, int, int, String)", RESULT);
        reasons.put("regularizer.lie.LieError#new(String, int, double, double, double, double)", RESULT);
        reasons.put("regularizer.lie.LayerContribution#new(int, String, double, double)", RESULT);
        reasons.put("regularizer.lie.LayerwiseAttribution#new(LieError, List, int)", RESULT);
        reasons.put("regularizer.PairReport#new(String, int, double, double, double, double, double, double, double, double, double)", RESULT);
        for (String method : new String[] {"broadcastsTo(int[], int[])", "inner(int[], int)", "outer(int[], int)",
                "reduce(int[], int, boolean)", "str(int[])", "strides(int[])", "product(int[], int, int)"}) {
            reasons.put("core.Shapes#" + method, SHAPES);
        }
        return reasons;
    }
}
