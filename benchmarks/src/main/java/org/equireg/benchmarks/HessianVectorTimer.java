package org.equireg.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Times a Hessian-vector product of a workload's task loss with respect to all its parameters
 * against one forward and backward pass of the same loss, with {@link StepTimer}'s protocol (warm-up,
 * then the median over blocks of the mean time per call). The product is the double-backward one,
 * as {@code scripts/bench/torch_hvp.py} computes it in PyTorch:
 * <pre>
 *   g = grad(loss, params, createGraph = true);  Hv = grad(sum_i g_i . v_i, params)
 * </pre>
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector [-Dequireg.threads=N] -cp benchmarks.jar
 * org.equireg.benchmarks.HessianVectorTimer [workload] [float64|float32] [block seconds] [repeats]};
 * prints {@code workload dtype forward+backward ms, hvp ms, ratio}.
 */
public final class HessianVectorTimer {
    private HessianVectorTimer() {
    }

    public static void main(String[] arguments) {
        BenchmarkJvm.requireVectorKernels();
        String workload = arguments.length > 0 ? arguments[0] : "cnn-digits";
        DType dtype = arguments.length > 1 && arguments[1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        double block = arguments.length > 2 ? Double.parseDouble(arguments[2]) : 0.5;
        int repeats = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 7;
        TrainingStep step = Workloads.create(workload, false, 1, dtype);
        List<Tensor> parameters = step.model().parameters();
        SplittableRandom random = new SplittableRandom(2);
        List<Tensor> direction = new ArrayList<>();
        for (Tensor parameter : parameters) {
            direction.add(Tensor.randn(random, dtype, parameter.shape()));
        }
        Runnable forwardBackward = () -> {
            parameters.forEach(Tensor::zeroGrad);
            step.taskLoss().backward();
        };
        Runnable hessianVector = () -> {
            List<Tensor> gradient = Autograd.grad(List.of(step.taskLoss()), parameters, null, true);
            Tensor dot = Tensor.zeros(dtype);
            for (int i = 0; i < gradient.size(); i++) {
                dot = dot.add(gradient.get(i).mul(direction.get(i)).sum());
            }
            Autograd.grad(List.of(dot), parameters, null, false);
        };
        double plain = medianMilliseconds(forwardBackward, block, repeats);
        double product = medianMilliseconds(hessianVector, block, repeats);
        System.out.printf(Locale.ROOT, "%s %s forward+backward %.3f ms, hvp %.3f ms, ratio %.2f%n", workload, dtype, plain,
                product, product / plain);
    }

    private static double medianMilliseconds(Runnable action, double blockSeconds, int repeats) {
        long start = System.nanoTime();
        int calls = 0;
        while (calls < 3 || System.nanoTime() - start < 2e9) {
            action.run();
            calls++;
        }
        double perCall = (System.nanoTime() - start) / 1e9 / calls;
        int callsPerBlock = Math.max(1, (int) (blockSeconds / perCall));
        double[] samples = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long blockStart = System.nanoTime();
            for (int i = 0; i < callsPerBlock; i++) {
                action.run();
            }
            samples[r] = (System.nanoTime() - blockStart) / 1e6 / callsPerBlock;
        }
        java.util.Arrays.sort(samples);
        return samples[repeats / 2];
    }
}
