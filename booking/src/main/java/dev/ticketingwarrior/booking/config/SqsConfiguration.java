package dev.ticketingwarrior.booking.config;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Explicit SQS call timeouts. The listener's long polls (up to 20 s) share this client, so the client-wide limit sits
 * above them; a booking's send is bounded much tighter by {@code ticketing.queue.send-timeout} where it waits.
 *
 * <p>Threads: completed calls' callbacks (which only complete futures) run on the SDK's Netty event loop instead of a
 * separate {@code sdk-async-response} pool, and one event-loop thread carries the few connections booking keeps to SQS.
 *
 * <p>Received messages: the confirmation listener reads only the body, so it asks SQS for the receive count alone (kept
 * for diagnosis) instead of every system attribute. Why both: docs/decisions/0007.
 */
@Configuration(proxyBeanMethods = false)
class SqsConfiguration {

    @Bean
    SqsAsyncClientCustomizer sqsTimeouts(BookingProperties properties) {
        Duration longPoll = Duration.ofSeconds(20);
        Duration send = properties.queue().sendTimeout();
        return builder -> builder.overrideConfiguration(
                        override -> override.apiCallTimeout(longPoll.plus(send).plusSeconds(5))
                                .apiCallAttemptTimeout(longPoll.plus(send)))
                .asyncConfiguration(async ->
                        async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(1)));
    }

    @Bean
    static BeanPostProcessor sqsListenerAttributes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
                    factory.configure(options -> options.messageSystemAttributeNames(
                            List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                }
                return bean;
            }
        };
    }
}
