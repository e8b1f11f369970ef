"""Messages about links and the server's limits: key -> {"en": English, "ko": Korean}.

"link.*" notes say what a shared link asked for and what is used instead
(`playground.links`); "limits.*" are the data limits `playground.datasets`
enforces before it makes any array.
"""

MESSAGES: dict[str, dict] = {
    # ------------------------------------------------------------- links
    "link.heading": {
        "en": "Some settings in this link could not be used as written:",
        "ko": "이 링크의 설정 중 일부는 그대로 쓸 수 없었습니다:",
    },
    "link.clamped": {
        "en": "{name}: the link asks for {value}, above this server's limit; {used} is used.",
        "ko": "{name}: 링크의 값 {value}은(는) 이 서버의 한도를 넘어서 {used}(으)로 바꿨습니다.",
    },
    "link.too_small": {
        "en": "{name} must be at least {low}. Received: {value}; the default {default} is used.",
        "ko": "{name}은(는) {low} 이상이어야 합니다. 받은 값: {value}. 기본값 {default}을(를) 씁니다.",
    },
    "link.not_a_number": {
        "en": "{name} must be a number such as 0.01. Received: {value}; the default {default} is used.",
        "ko": "{name}은(는) 0.01 같은 숫자여야 합니다. 받은 값: {value}. 기본값 {default}을(를) 씁니다.",
    },
    "link.not_finite": {
        "en": "{name} must be a finite number, not nan or inf. Received: {value}; "
        "the default {default} is used.",
        "ko": "{name}은(는) nan이나 inf가 아닌 유한한 숫자여야 합니다. 받은 값: {value}. "
        "기본값 {default}을(를) 씁니다.",
    },
    "link.not_a_whole_number": {
        "en": "{name} must be a whole number such as 32. Received: {value}; the default {default} is used.",
        "ko": "{name}은(는) 32 같은 정수여야 합니다. 받은 값: {value}. 기본값 {default}을(를) 씁니다.",
    },
    "link.not_a_boolean": {
        "en": "{name} must be 1 or 0 (on or off). Received: {value}; the default {default} is used.",
        "ko": "{name}은(는) 1 또는 0(켜기 또는 끄기)이어야 합니다. 받은 값: {value}. "
        "기본값 {default}을(를) 씁니다.",
    },
    "link.unknown_choice": {
        "en": "{name} must be one of: {choices}. Received: {value}; the default {default} is used.",
        "ko": "{name}은(는) 다음 중 하나여야 합니다: {choices}. 받은 값: {value}. 기본값 {default}을(를) 씁니다.",
    },
    "link.too_long": {
        "en": "{name} is longer than {max_chars} characters, so it was not read. Received: {value}; "
        "the default {default} is used.",
        "ko": "{name}이(가) {max_chars}자보다 길어서 읽지 않았습니다. 받은 값: {value}. 기본값 {default}을(를) 씁니다.",
    },
    "link.unknown_layer_option": {
        "en": "{name}: a layer option must be written name=value with a name from {choices}. "
        "Received: {value}; it is left out.",
        "ko": "{name}: 층 옵션은 name=value 꼴이어야 하고 이름은 {choices} 중 하나여야 합니다. "
        "받은 값: {value}. 이 옵션은 빼고 씁니다.",
    },
    "link.too_many_layers": {
        "en": "The link has {count} hidden layers; this server allows at most {max_layers}. "
        "The default layers ({default}) are used.",
        "ko": "링크에 은닉층이 {count}개 있는데, 이 서버에서는 최대 {max_layers}개까지 쓸 수 있습니다. "
        "기본 은닉층({default})을 씁니다.",
    },
    # ------------------------------------------------------------- data limits
    "limits.too_many_samples": {
        "en": {
            "count": "maximum",
            "one": "This server generates at most {maximum:,} point. Received: "
            "n_samples={value}. Choose fewer points; a teacher can raise "
            "PLAYGROUND_MAX_SAMPLES.",
            "other": "This server generates at most {maximum:,} points. Received: "
            "n_samples={value}. Choose fewer points; a teacher can raise "
            "PLAYGROUND_MAX_SAMPLES.",
        },
        "ko": "이 서버는 점을 최대 {maximum:,}개까지 만듭니다. 받은 값: n_samples={value}. 점의 개수를 줄이세요. 강사는 "
        "PLAYGROUND_MAX_SAMPLES 값을 올릴 수 있습니다.",
    },
    "limits.bad_data_seed": {
        "en": "The data's random seed must be a whole number from 0 to {maximum}. "
        "Received: data.seed={value}.",
        "ko": "데이터의 랜덤 시드는 0부터 {maximum} 사이의 정수여야 합니다. 받은 값: data.seed={value}.",
    },
    # ------------------------------------------- a value a widget cannot show
    "limits.widget_clamped": {
        "en": "{name}={value} is outside what this control allows ({low} to {high}); {used} is used.",
        "ko": "{name}={value}은(는) 이 입력란의 범위({low}~{high})를 벗어나서 {used}(으)로 바꿨습니다.",
    },
}
