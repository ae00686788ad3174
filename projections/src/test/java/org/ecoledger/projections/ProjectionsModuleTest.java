package org.ecoledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;

class ProjectionsModuleTest {

    @Test
    void everyHandlerClass_isInTheProcessingGroupItIsListedUnder_andCanBeReset() {
        assertThat(ProjectionsModule.HANDLER_CLASSES).hasSize(3);
        ProjectionsModule.HANDLER_CLASSES.forEach((group, type) -> {
            assertThat(type.getAnnotation(ProcessingGroup.class).value()).isEqualTo(group);
            assertThat(Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(ResetHandler.class))
                    .map(Method::getName)).containsExactly("reset");
        });
    }
}
