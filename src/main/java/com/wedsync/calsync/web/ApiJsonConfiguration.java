package com.wedsync.calsync.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies of the API are read by the application's JSON mapper plus one rule:
 * every string must be {@link CalendarSafeText calendar-safe}, whatever field it is in,
 * so no endpoint added later can let a NUL through. Only the API's converter has the
 * rule; what the service reads back from its own database or channels does not.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration implements WebMvcConfigurer {

	private final JsonMapper mapper;

	ApiJsonConfiguration(JsonMapper mapper) {
		this.mapper = mapper.rebuild()
			.addModule(new SimpleModule("calendar-safe-text").addDeserializer(String.class,
					new CalendarSafeStringDeserializer()))
			.build();
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> converters
			.replaceAll((converter) -> (converter instanceof JacksonJsonHttpMessageConverter)
					? new JacksonJsonHttpMessageConverter(this.mapper) : converter));
	}

	private static final class CalendarSafeStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			String unsafe = (text != null) ? CalendarSafeText.firstUnsafe(text) : null;
			if (unsafe != null) {
				throw new UnsafeTextException(parser, unsafe);
			}
			return text;
		}

	}

}
