package org.equireg.nn;

import java.util.List;
import java.util.function.Function;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules and erf against their references. */
class ScheduleAndErfGoldenTest {

    @Test
    void schedulesMatchPyTorchOverTwelveEpochs() {
        Golden golden = Golden.load("schedules");
        check(golden.get("step_lr/rates"), optimizer -> new StepLR(optimizer, 3, 0.5));
        check(golden.get("cosine_annealing/rates"), optimizer -> new CosineAnnealingLR(optimizer, 5, 0.001));
    }

    private static void check(Tensor expected, Function<Optimizer, LearningRateSchedule> factory) {
        SGD optimizer = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        LearningRateSchedule schedule = factory.apply(optimizer);
        double[] rates = new double[expected.size()];
        for (int epoch = 0; epoch < rates.length; epoch++) {
            rates[epoch] = optimizer.learningRate();
            schedule.step();
        }
        Golden.assertClose(expected, Tensor.of(rates, rates.length), 0, Tolerances.GOLDEN_RELATIVE,
                schedule.getClass().getSimpleName());
    }

    @Test
    void erfMatchesPythonsMathModule() {
        Golden golden = Golden.load("erf");
        double[] x = golden.get("x").buffer();
        double[] erf = new double[x.length];
        double[] erfc = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            erf[i] = Erf.erf(x[i]);
            erfc[i] = Erf.erfc(x[i]);
        }
        Golden.assertClose(golden.get("erf"), Tensor.of(erf, x.length), 0, Tolerances.ERF_RELATIVE, "erf");
        Golden.assertClose(golden.get("erfc"), Tensor.of(erfc, x.length), 0, Tolerances.ERF_RELATIVE, "erfc");
    }
}
