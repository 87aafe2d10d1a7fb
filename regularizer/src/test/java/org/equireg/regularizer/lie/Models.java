package org.equireg.regularizer.lie;

import org.equireg.nn.AdaptiveAvgPool2d;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;

/** Small seeded models for the Lie derivative tests. */
final class Models {
    private Models() {
    }

    /** Conv(1, 3) - tanh - Conv(3, 2) - tanh - flatten - Linear(2 h w, 4), the golden's classifier. */
    static Sequential classifier(int height, int width, long seed) {
        Init.seed(seed);
        return new Sequential(new Conv2d(1, 3, 3, 1, 1), new Tanh(), new Conv2d(3, 2, 3, 1, 1), new Tanh(),
                new Flatten(), new Linear(2 * height * width, 4));
    }

    /** Conv(1, 2) - tanh - Conv(2, 1): images to images. */
    static Sequential imageModel(long seed) {
        Init.seed(seed);
        return new Sequential(new Conv2d(1, 2, 3, 1, 1), new Tanh(), new Conv2d(2, 1, 3, 1, 1));
    }

    /**
     * A pointwise linear map (1 x 1 convolution), global average pooling, then a head: exactly
     * invariant under cyclic shifts, since the pooled mean of a cyclically interpolated image is the
     * mean of the image. With {@code tanhBeforePooling} a pointwise nonlinearity comes before the
     * pooling and breaks that (interpolating then squashing differs from squashing then interpolating).
     */
    static Sequential pooled(int channels, boolean tanhBeforePooling, long seed) {
        Init.seed(seed);
        Sequential model = new Sequential(new Conv2d(channels, 4, 1, 1, 0));
        if (tanhBeforePooling) {
            model.append(new Tanh());
        }
        return model.append(new AdaptiveAvgPool2d(1)).append(new Flatten()).append(new Tanh()).append(new Linear(4, 3));
    }
}
