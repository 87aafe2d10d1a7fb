package org.equireg.regularizer.reliability;

import static org.equireg.regularizer.reliability.SweepRow.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.GradCheck;
import org.equireg.core.SafeTensors;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;
import org.equireg.core.io.AtomicFile;
import org.equireg.core.io.Dtype;
import org.equireg.core.io.ReadLimits;
import org.equireg.core.io.SafeTensorsReader;
import org.equireg.core.io.SafeTensorsWriter;

/** The sweep's rows for core's public entry points. */
final class CoreSweep {
    private static final Path UNUSED = Path.of("unused.safetensors");

    private CoreSweep() {
    }

    private static Tensor matrix() {
        return Tensor.zeros(2, 3);
    }

    private static Tensor images() {
        return Tensor.zeros(1, 1, 4, 4);
    }

    static Stream<SweepRow> rows() {
        return Stream.of(factories(), elementwise(), reductions(), shapes(), structure(), io()).flatMap(rows -> rows);
    }

    private static Stream<SweepRow> factories() {
        SplittableRandom random = new SplittableRandom(1);
        return Stream.of(
                row("core.Tensor#of(double[], int...)", "data length 5 for [2, 3]", () -> Tensor.of(new double[5], 2, 3), "Tensor.of", "5", "[2, 3]"),
                row("core.Tensor#of(double[], int...)", "null data", () -> Tensor.of((double[]) null, 2), "Tensor.of", "data", "null"),
                row("core.Tensor#wrap(double[], int...)", "data length 4 for [3]", () -> Tensor.wrap(new double[4], 3), "Tensor.wrap", "4", "[3]"),
                row("core.Tensor#zeros(int...)", "negative size", () -> Tensor.zeros(2, -1), "zeros", "-1"),
                row("core.Tensor#ones(int...)", "negative size", () -> Tensor.ones(-3), "ones", "-3"),
                row("core.Tensor#full(double, int...)", "negative size", () -> Tensor.full(1, -2), "full", "-2"),
                row("core.Tensor#arange(int)", "negative n", () -> Tensor.arange(-1), "arange", "-1"),
                row("core.Tensor#rand(RandomGenerator, int...)", "negative size", () -> Tensor.rand(random, -4), "rand", "-4"),
                row("core.Arguments#notNull(Object, String, String)", "null value",
                        () -> org.equireg.core.Arguments.notNull(null, "Some.method", "argument"), "Some.method", "argument", "null"),
                row("core.Tensor#rand(RandomGenerator, int...)", "null generator", () -> Tensor.rand(null, 2), "rand", "random", "null"),
                row("core.Tensor#randn(RandomGenerator, int...)", "negative size", () -> Tensor.randn(random, 2, -5), "randn", "-5"),
                row("core.Tensor#fromOp(Primitive, double[], int[], Derivative, Tensor...)", "data length 3 for [2]",
                        () -> Tensor.fromOp(() -> "custom", new double[3], new int[] {2}, (saved, upstream) -> new Tensor[0]),
                        "custom", "3", "[2]"),
                row("core.Tensor#fromOp(Primitive, Storage, int[], Derivative, Tensor...)", "data length 3 for [2]",
                        () -> Tensor.fromOp(() -> "custom", Storage.zeros(DType.FLOAT64, 3), new int[] {2},
                                (saved, upstream) -> new Tensor[0]), "custom", "3", "[2]"),
                row("core.Tensor#wrap(Storage, int...)", "data length 4 for [3]", () -> Tensor.wrap(Storage.zeros(DType.FLOAT32, 4), 3),
                        "Tensor.wrap", "4", "[3]"),
                row("core.Storage#zeros(DType, int)", "negative length", () -> Storage.zeros(DType.FLOAT64, -2), "Storage.zeros", "-2"),
                row("core.Storage#fromDoubles(double[], DType)", "null dtype", () -> Storage.fromDoubles(new double[1], null),
                        "Storage.fromDoubles", "dtype", "null"),
                row("core.Storage.F64#new(double[])", "null values", () -> new Storage.F64(null), "Storage.F64", "values", "null"),
                row("core.Storage.F32#new(float[])", "null values", () -> new Storage.F32(null), "Storage.F32", "values", "null"),
                row("core.Storage#get(int, double[], int, int)", "range past the storage's end", IndexOutOfBoundsException.class,
                        () -> Storage.zeros(DType.FLOAT32, 4).get(2, new double[3], 0, 3), "Storage range", "from index 2", "storage of 4"),
                row("core.Storage#set(int, double[], int, int)", "range past the array's end", IndexOutOfBoundsException.class,
                        () -> Storage.zeros(DType.FLOAT32, 4).set(0, new double[3], 1, 3), "Storage range", "at 1", "array of 3"),
                row("core.Storage.F64#get(int, double[], int, int)", "range past the storage's end", IndexOutOfBoundsException.class,
                        () -> new Storage.F64(new double[4]).get(2, new double[3], 0, 3), "Storage range", "from index 2", "storage of 4"),
                row("core.Storage.F64#set(int, double[], int, int)", "range past the array's end", IndexOutOfBoundsException.class,
                        () -> new Storage.F64(new double[4]).set(0, new double[3], 1, 3), "Storage range", "at 1", "array of 3"),
                row("core.Storage.F32#get(int, double[], int, int)", "range past the storage's end", IndexOutOfBoundsException.class,
                        () -> new Storage.F32(new float[4]).get(2, new double[3], 0, 3), "Storage range", "from index 2", "storage of 4"),
                row("core.Storage.F32#set(int, double[], int, int)", "range past the array's end", IndexOutOfBoundsException.class,
                        () -> new Storage.F32(new float[4]).set(0, new double[3], 1, 3), "Storage range", "at 1", "array of 3"),
                row("core.DType#promote(DType, DType)", "null b", () -> DType.promote(DType.FLOAT32, null), "promote", "b", "null"),
                row("core.Tensor#sumTo(int...)", "[3] does not broadcast to [2, 2]", () -> Tensor.zeros(2, 2).sumTo(3), "sumTo", "[3]", "[2, 2]"),
                row("core.Tensor#backward(Tensor, boolean, boolean)", "seed of shape [3] for [2]",
                        () -> Tensor.zeros(2).requiresGrad(true).mul(2).backward(Tensor.zeros(3), false, true), "backward", "[3]", "[2]"),
                row("core.Autograd#grad(List, List, List, boolean)", "an input that does not require grad",
                        () -> Autograd.grad(List.of(Tensor.zeros(2).requiresGrad(true).sum()), List.of(Tensor.zeros(2)), null, false),
                        "Autograd.grad", "inputs[0]", "does not require grad"),
                row("core.Autograd#jvp(UnaryOperator, Tensor, Tensor)", "tangent of shape [3] for x of [2]",
                        () -> Autograd.jvp(x -> x.exp(), Tensor.zeros(2), Tensor.zeros(3)), "Autograd.jvp", "[3]", "[2]"),
                row("core.GradCheck#checkSecondOrder(Function, Tensor...)", "a float32 input",
                        () -> GradCheck.standard().checkSecondOrder(x -> x[0].exp(), Tensor.zeros(DType.FLOAT32, 2)),
                        "checkSecondOrder", "float32"),
                row("core.Tensor#of(float[], int...)", "data length 5 for [2, 3]", () -> Tensor.of(new float[5], 2, 3), "Tensor.of", "5", "[2, 3]"),
                row("core.Tensor#wrap(float[], int...)", "data length 4 for [3]", () -> Tensor.wrap(new float[4], 3), "Tensor.wrap", "4", "[3]"),
                row("core.Tensor#zeros(DType, int...)", "null dtype", () -> Tensor.zeros((DType) null, 2), "zeros", "dtype", "null"),
                row("core.Tensor#ones(DType, int...)", "negative size", () -> Tensor.ones(DType.FLOAT32, -3), "ones", "-3"),
                row("core.Tensor#full(double, DType, int...)", "null dtype", () -> Tensor.full(1, (DType) null, 2), "full", "dtype", "null"),
                row("core.Tensor#scalar(double, DType)", "null dtype", () -> Tensor.scalar(1, null), "scalar", "dtype", "null"),
                row("core.Tensor#rand(RandomGenerator, DType, int...)", "null dtype", () -> Tensor.rand(random, null, 2), "rand", "dtype", "null"),
                row("core.Tensor#randn(RandomGenerator, DType, int...)", "negative size",
                        () -> Tensor.randn(random, DType.FLOAT32, 2, -5), "randn", "-5"),
                row("core.Tensor#setDefaultDtype(DType)", "null dtype", () -> Tensor.setDefaultDtype(null), "setDefaultDtype", "dtype", "null"),
                row("core.Tensor#to(DType)", "null dtype", () -> matrix().to(null), "to", "dtype", "null"),
                row("core.Tensor#toInPlace(DType)", "the result of an op", IllegalStateException.class,
                        () -> Tensor.zeros(2).requiresGrad(true).mul(2).toInPlace(DType.FLOAT32), "toInPlace", "leaf", "mul"),
                row("core.DType#resultType(Tensor, Tensor)", "null b", () -> DType.resultType(matrix(), null), "resultType", "b", "null"),
                row("core.Tensor#fromOp(Primitive, float[], int[], Derivative, Tensor...)", "data length 3 for [2]",
                        () -> Tensor.fromOp(() -> "custom", new float[3], new int[] {2}, (saved, upstream) -> new Tensor[0]),
                        "custom", "3", "[2]"),
                row("core.Tensor#dim(int)", "axis 2 of a rank-2 tensor", () -> matrix().dim(2), "dim", "axis 2", "rank 2"),
                row("core.Tensor#get(int...)", "index 3 on an axis of size 3", () -> matrix().get(0, 3), "get", "[0, 3]", "[2, 3]"),
                row("core.Tensor#backward(Tensor)", "seed of shape [3] for [2]",
                        () -> Tensor.zeros(2).requiresGrad(true).mul(2).backward(Tensor.zeros(3)), "backward", "[3]", "[2]"),
                row("core.Tensor#backward(Tensor, boolean)", "null seed",
                        () -> Tensor.zeros(2).requiresGrad(true).mul(2).backward(null, false), "backward", "seed", "null"));
    }

    private static Stream<SweepRow> elementwise() {
        return Stream.of(
                row("core.Tensor#add(Tensor)", "shapes [2, 3] and [4]", () -> matrix().add(Tensor.zeros(4)), "add", "[2, 3]", "[4]"),
                row("core.Tensor#sub(Tensor)", "null", () -> matrix().sub(null), "sub", "other", "null"),
                row("core.Tensor#mul(Tensor)", "shapes [2, 3] and [2]", () -> matrix().mul(Tensor.zeros(2)), "mul", "[2, 3]", "[2]"),
                row("core.Tensor#div(Tensor)", "null", () -> matrix().div(null), "div", "other", "null"),
                row("core.Tensor#maximum(Tensor)", "shapes [2, 3] and [5]", () -> matrix().maximum(Tensor.zeros(5)), "maximum", "[2, 3]", "[5]"),
                row("core.Tensor#minimum(Tensor)", "null", () -> matrix().minimum(null), "minimum", "other", "null"),
                row("core.Tensor#gt(Tensor)", "shapes [2, 3] and [4]", () -> matrix().gt(Tensor.zeros(4)), "gt", "[2, 3]", "[4]"),
                row("core.Tensor#lt(Tensor)", "null", () -> matrix().lt(null), "lt", "other", "null"),
                row("core.Tensor#eq(Tensor)", "shapes [2, 3] and [4]", () -> matrix().eq(Tensor.zeros(4)), "eq", "[2, 3]", "[4]"),
                row("core.Tensor#where(Tensor, Tensor, Tensor)", "shapes [2, 3], [4] and [2, 3]",
                        () -> Tensor.where(matrix(), Tensor.zeros(4), matrix()), "where", "[4]"),
                row("core.Tensor#clamp(double, double)", "min 1 above max 0", () -> matrix().clamp(1, 0), "clamp", "1.0", "0.0"),
                row("core.Tensor#clamp(double, double)", "NaN bound", () -> matrix().clamp(Double.NaN, 0), "clamp", "NaN"),
                row("core.Tensor#matmul(Tensor)", "shapes [2, 3] and [2, 3]", () -> matrix().matmul(matrix()), "matmul", "[2, 3]"),
                row("core.Tensor#linear(Tensor, Tensor)", "null weight", () -> matrix().linear(null, null), "linear", "weight", "null"),
                row("core.Tensor#linear(Tensor, Tensor)", "weight [4, 2] for 3 features", () -> matrix().linear(Tensor.zeros(4, 2), null), "linear", "[2, 3]", "[4, 2]"),
                row("core.Tensor#linear(Tensor, Tensor)", "bias [3] for 4 outputs", () -> matrix().linear(Tensor.zeros(4, 3), Tensor.zeros(3)), "linear", "bias", "[3]"),
                row("core.Tensor#conv2d(Tensor, Tensor, int, int)", "weight [2, 3]", () -> images().conv2d(matrix(), null, 1, 0), "conv2d", "[2, 3]"),
                row("core.Tensor#conv2d(Tensor, Tensor, int, int, int, int)", "groups = 0",
                        () -> images().conv2d(Tensor.zeros(1, 1, 3, 3), null, 1, 0, 1, 0), "conv2d", "groups", "0"),
                row("core.Tensor#maxPool2d(int, int, int)", "kernel = 0", () -> images().maxPool2d(0, 1, 0), "maxPool2d", "kernel", "0"),
                row("core.Tensor#avgPool2d(int, int, int)", "stride = -1", () -> images().avgPool2d(2, -1, 0), "avgPool2d", "stride", "-1"),
                row("core.Tensor#conv2d(Tensor, Tensor, int, int)", "3x3 kernel, stride 2, on a 2x2 image (output 0x0)",
                        () -> Tensor.ones(1, 1, 2, 2).conv2d(Tensor.ones(1, 1, 3, 3), null, 2, 0), "conv2d", "3x3", "[1, 1, 2, 2]", "output 0x0"),
                row("core.Tensor#maxPool2d(int, int, int)", "kernel 2, stride 2, on a 1x1 image (output 0x0)",
                        () -> Tensor.zeros(4, 1, 1, 1).maxPool2d(2, 2, 0), "maxPool2d", "kernel 2", "[4, 1, 1, 1]", "output 0x0"),
                row("core.Tensor#avgPool2d(int, int, int)", "kernel 2, stride 2, on a 1x1 image (output 0x0)",
                        () -> Tensor.full(7, 1, 1, 1, 1).avgPool2d(2, 2, 0), "avgPool2d", "kernel 2", "[1, 1, 1, 1]", "output 0x0"));
    }

    private static Stream<SweepRow> reductions() {
        return Stream.of(
                row("core.Tensor#sum(int, boolean)", "axis 2 of rank 2", () -> matrix().sum(2, false), "sum", "axis 2", "rank 2"),
                row("core.Tensor#cumsum(int)", "axis -3 of rank 2", () -> matrix().cumsum(-3), "cumsum", "axis -3", "rank 2"),
                row("core.Tensor#mean(int, boolean)", "axis -3 of rank 2", () -> matrix().mean(-3, true), "mean", "axis -3", "rank 2"),
                row("core.Tensor#max(int, boolean)", "axis 5 of rank 2", () -> matrix().max(5, false), "max", "axis 5", "rank 2"),
                row("core.Tensor#min(int, boolean)", "axis 2 of rank 2", () -> matrix().min(2, false), "min", "axis 2", "rank 2"),
                row("core.Tensor#logSumExp(int, boolean)", "axis 2 of rank 2", () -> matrix().logSumExp(2, false), "logSumExp", "axis 2", "rank 2"),
                row("core.Tensor#norm(double)", "p = -1", () -> matrix().norm(-1), "norm", "-1"),
                row("core.Tensor#norm(double, int, boolean)", "axis 2 of rank 2", () -> matrix().norm(2, 2, false), "norm", "axis 2", "rank 2"),
                row("core.Tensor#argmax(int)", "axis 2 of rank 2", () -> matrix().argmax(2), "argmax", "axis 2", "rank 2"),
                row("core.Tensor#softmax(int)", "axis 2 of rank 2", () -> matrix().softmax(2), "softmax", "axis 2", "rank 2"),
                row("core.Tensor#logSoftmax(int)", "axis -3 of rank 2", () -> matrix().logSoftmax(-3), "logSoftmax", "axis -3", "rank 2"),
                row("core.Tensor#sum(int, boolean)", "axis 1 of a 0-d tensor", () -> Tensor.scalar(1).sum(1, false), "sum", "axis 1", "0-d"),
                row("core.Tensor#softmax(int)", "axis -2 of a 0-d tensor", () -> Tensor.scalar(1).softmax(-2), "softmax", "axis -2", "0-d"));
    }

    private static Stream<SweepRow> shapes() {
        return Stream.of(
                row("core.Tensor#reshape(int...)", "[4, 2] for [2, 3]", () -> matrix().reshape(4, 2), "reshape", "[2, 3]", "[4, 2]"),
                row("core.Tensor#flatten(int, int)", "startAxis 1 after endAxis 0", () -> matrix().flatten(1, 0), "flatten", "startAxis 1", "endAxis 0"),
                row("core.Tensor#permute(int...)", "order [0, 0]", () -> matrix().permute(0, 0), "permute", "[0, 0]"),
                row("core.Tensor#transpose(int, int)", "axis 2 of rank 2", () -> matrix().transpose(0, 2), "transpose", "axis 2", "rank 2"),
                row("core.Tensor#squeeze(int)", "axis 1 of size 3", () -> matrix().squeeze(1), "squeeze", "axis 1", "3"),
                row("core.Tensor#unsqueeze(int)", "axis 4 of rank 2", () -> matrix().unsqueeze(4), "unsqueeze", "axis 4"),
                row("core.Tensor#broadcastTo(int...)", "[2, 3] to [3, 3]", () -> matrix().broadcastTo(3, 3), "broadcastTo", "[2, 3]", "[3, 3]"),
                row("core.Tensor#concat(int, Tensor...)", "shapes [2, 3] and [2, 4] on axis 0",
                        () -> Tensor.concat(0, matrix(), Tensor.zeros(2, 4)), "concat", "[2, 3]", "[2, 4]"),
                row("core.Tensor#stack(int, Tensor...)", "no tensors", () -> Tensor.stack(0), "stack", "at least one tensor"),
                row("core.Tensor#slice(int, int, int, int)", "step 0", () -> matrix().slice(1, 0, 3, 0), "slice", "step", "0"),
                row("core.Tensor#slice(int, int, int)", "axis 2 of rank 2", () -> matrix().slice(2, 0, 1), "slice", "axis 2", "rank 2"),
                row("core.Tensor#indexSelect(int, int...)", "index 3 on an axis of size 3", () -> matrix().indexSelect(1, 0, 3), "indexSelect", "3"),
                row("core.Tensor#gather(int, Tensor)", "index 7 on an axis of size 3",
                        () -> matrix().gather(1, Tensor.full(7, 2, 1)), "gather", "7"),
                row("core.Tensor#pad(int[], double)", "odd padding length 3", () -> matrix().pad(new int[] {1, 1, 1}, 0), "pad", "3"),
                row("core.Tensor#roll(int, int)", "axis 2 of rank 2", () -> matrix().roll(1, 2), "roll", "axis 2", "rank 2"),
                row("core.Tensor#flip(int...)", "axis 2 of rank 2", () -> matrix().flip(2), "flip", "axis 2", "rank 2"),
                row("core.Tensor#rot90(int, int, int)", "equal axes", () -> matrix().rot90(1, 0, 0), "rot90", "0"),
                row("core.Tensor#indexSelect(int, int...)", "two indices into a 0-d tensor", () -> Tensor.scalar(1).indexSelect(0, 0, 0),
                        "indexSelect", "0-d", "[0, 0]"),
                row("core.Tensor#label(String)", "null", () -> matrix().label(null), "label", "null"));
    }

    private static Stream<SweepRow> structure() {
        return Stream.of(
                row("core.GradCheck#new(double, double, double, long)", "epsilon = NaN", () -> new GradCheck(Double.NaN, 0, 0, 1), "GradCheck", "epsilon = NaN"),
                row("core.GradCheck#check(Function, Tensor...)", "null function", () -> GradCheck.standard().check(null, matrix()), "check", "function", "null"),
                row("core.GradCheck#check(Function, Tensor...)", "float32 input",
                        () -> GradCheck.standard().check(x -> x[0], matrix().to(DType.FLOAT32)), "check", "input 0", "float32", "float64"),
                row("core.GradCheck#checkFast(Function, int, Tensor...)", "directions = -1",
                        () -> GradCheck.standard().checkFast(inputs -> inputs[0], -1, matrix()), "checkFast", "directions", "-1"),
                row("core.Shapes#size(int[])", "negative dimension", () -> Shapes.size(new int[] {2, -1}), "-1", "[2, -1]"),
                row("core.Shapes#mergedDimension(String, int[], int, int)", "65536 x 65536 merged",
                        () -> Shapes.mergedDimension("someOp", new int[] {0, 65536, 65536}, 1, 3), "someOp", "[0, 65536, 65536]", "4294967296"),
                row("core.Shapes#normalizeAxis(String, int, int)", "axis 3 of rank 2", () -> Shapes.normalizeAxis("someOp", 3, 2), "someOp", "axis 3", "rank 2"),
                row("core.Shapes#broadcast(String, int[], int[])", "[2] and [3]",
                        () -> Shapes.broadcast("someOp", new int[] {2}, new int[] {3}), "someOp", "[2]", "[3]"));
    }

    private static Stream<SweepRow> io() {
        Map<String, Tensor> tensors = Map.of("x", Tensor.zeros(2));
        return Stream.of(
                row("core.SafeTensors#read(Path)", "null path", () -> SafeTensors.read(null), "SafeTensors", "path", "null"),
                row("core.SafeTensors#readContents(Path)", "null path", () -> SafeTensors.readContents(null), "readContents", "path", "null"),
                row("core.SafeTensors#readContents(Path, ReadLimits)", "null limits", () -> SafeTensors.readContents(UNUSED, null), "readContents", "limits", "null"),
                row("core.SafeTensors#write(Path, Map)", "null tensors", () -> SafeTensors.write(UNUSED, null), "write", "tensors", "null"),
                row("core.SafeTensors#write(Path, Map, Map)", "null metadata", () -> SafeTensors.write(UNUSED, tensors, null), "write", "metadata", "null"),
                row("core.SafeTensors#write(Path, Map, Map, Dtype)", "unwritable dtype I8",
                        () -> SafeTensors.write(UNUSED, tensors, Map.of(), Dtype.I8), "write", "I8"),
                row("core.SafeTensors.Contents#new(Map, Map)", "null metadata", () -> new SafeTensors.Contents(Map.of(), null), "Contents", "metadata", "null"),
                row("core.io.ReadLimits#new(long, long)", "negative maxDecodedBytes", () -> new ReadLimits(10, -1), "ReadLimits", "maxDecodedBytes = -1"),
                row("core.io.SafeTensorsReader#read(Path, ReadLimits)", "null path", () -> SafeTensorsReader.read(null, ReadLimits.DEFAULT), "read", "path", "null"),
                row("core.io.SafeTensorsWriter#write(Path, Map, Map, Dtype)", "null dtype",
                        () -> SafeTensorsWriter.write(UNUSED, tensors, Map.of(), null), "write", "dtype", "null"),
                row("core.io.SafeTensorsWriter#writeAsStored(Path, Map, Map)", "null metadata",
                        () -> SafeTensorsWriter.writeAsStored(UNUSED, tensors, null), "write", "metadata", "null"),
                row("core.io.AtomicFile#write(Path, Content)", "null content", () -> AtomicFile.write(UNUSED, null), "AtomicFile.write", "content", "null"),
                row("core.io.AtomicFile#writeFully(FileChannel, ByteBuffer)", "null buffer", () -> AtomicFile.writeFully(null, null), "writeFully", "null"));
    }
}
