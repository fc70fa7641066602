package dev.wasmjit.bench.report;

import java.awt.Color;

/**
 * Each runtime's colour, the same in every plot of the report, so that a reader who has
 * learnt that wasmtime is blue in one chart finds it blue in the next. A runtime's
 * interpreted series is a lighter shade of its compiled one's hue. The hues are the
 * Okabe–Ito palette, told apart by colour-blind readers too.
 */
final class RuntimeColours {

    /** How much of white is mixed into an interpreted series' colour. */
    private static final double INTERPRETED_TINT = 0.55;

    private RuntimeColours() {
    }

    /**
     * The colour of a runtime's series.
     *
     * @param runtime  the runtime
     * @param compiled its compiled code (JIT, or Guile's and Chez's own compilers), else its interpreter
     * @return the colour, the same for the same arguments in every chart
     */
    static Color of(SchemeRuntime runtime, boolean compiled) {
        Color hue = switch (runtime) {
            case WASMTIME -> new Color(0, 114, 178);
            case WASMTIME_BASELINE -> new Color(230, 159, 0);
            case NODE -> new Color(0, 158, 115);
            case NATIVE -> new Color(204, 121, 167);
            case GUILE -> new Color(213, 94, 0);
            case CHEZ -> new Color(60, 60, 60);
        };
        return compiled ? hue : tint(hue);
    }

    /**
     * Automatic tiering in the take-over plot: a wasmtime run that is neither all interpreted
     * nor all compiled, so a hue apart from wasmtime's two shades and from every runtime's.
     */
    static final Color WASMTIME_AUTOMATIC = new Color(117, 112, 179);

    private static Color tint(Color color) {
        return new Color(mix(color.getRed()), mix(color.getGreen()), mix(color.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel + (255 - channel) * INTERPRETED_TINT);
    }
}
