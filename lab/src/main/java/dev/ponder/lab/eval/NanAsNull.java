package dev.ponder.lab.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes a figure that does not exist (NaN: an accuracy when every problem failed) as JSON null, not the string "NaN". */
final class NanAsNull extends StdSerializer<Double> {
    NanAsNull() { super(Double.class); }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || value.isNaN()) gen.writeNull();
        else gen.writeNumber(value);
    }
}
