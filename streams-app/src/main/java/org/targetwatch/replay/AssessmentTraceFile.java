package org.targetwatch.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.targetwatch.scoring.Assessment;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.scoring.Scorer;
import org.targetwatch.signals.Signal;

/**
 * Every assessment of a replay as JSON Lines: sender, event time, window, minors, score, and each
 * signal's value and basis — what the evidence model weighs. {@code tools/fit-evidence-model} fits
 * the weights on these files; a reviewer can re-score a backtest with other weights without a
 * second replay. Assessments of fewer than three minors, which score nothing, are left out. Sender ids are the opaque ids of the event file; nothing else about accounts.
 */
public final class AssessmentTraceFile implements AssessmentTrace, AutoCloseable {
  private final JsonGenerator out;

  public AssessmentTraceFile(Path file) throws IOException {
    this.out = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
    out.setRootValueSeparator(null);
  }

  @Override
  public void assessed(String sender, long at, Assessment a) {
    if (a.figures().minors() < Scorer.FEWEST_MINORS) {
      return; // nothing to score: the model never sees these
    }
    try {
      out.writeStartObject();
      out.writeStringField("sender", sender);
      out.writeNumberField("at", at);
      out.writeStringField("window", a.window().name());
      out.writeNumberField("minors", a.figures().minors());
      out.writeNumberField("score", a.score());
      out.writeObjectFieldStart("basis");
      for (Signal s : a.signals().all()) {
        out.writeNumberField(s.name(), Math.round(s.basis() * 1e5) / 1e5);
      }
      out.writeEndObject();
      out.writeObjectFieldStart("value");
      for (Signal s : a.signals().all()) {
        out.writeNumberField(s.name(), s.value());
      }
      out.writeEndObject();
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
